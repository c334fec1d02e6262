import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { ChannelRegistry } from './channel-registry';
import { createHttpApi } from './http-api';
import type { HostedApp } from './http-api';
import { CloseCode, encodeError, SUPPORTED_PROTOCOL_VERSIONS } from './protocol';
import { SocketSession } from './socket-session';
import { standInOptionsSchema } from './stand-in-options';
import type { StandInOptions } from './stand-in-options';

export interface PusherStandIn {
  /** `http://host:port`, the base of the HTTP API. */
  url: string;
  wsHost: string;
  wsPort: number;
  /** The HTTP API shares the websocket's port. */
  httpPort: number;
  connectionCount(): number;
  /** Events accepted through the HTTP API since start, over every app (each channel of a trigger counts). */
  triggeredEventCount(): number;
  /** Closes every open socket with a protocol close code (4200 asks pusher-js to reconnect at once). */
  closeAllConnections(code?: number, reason?: string): void;
  close(): Promise<void>;
}

/**
 * A local server speaking the Pusher Channels protocol (websocket, protocol 7) and HTTP API on
 * one port, so the official `pusher` and `pusher-js` SDKs run unchanged in development and tests.
 */
export async function startPusherStandIn(options: StandInOptions): Promise<PusherStandIn> {
  const config = standInOptionsSchema.parse(options);
  const appsById = new Map<string, HostedApp>();
  const appsByKey = new Map<string, HostedApp>();
  for (const app of config.apps) {
    const hosted: HostedApp = { app, registry: new ChannelRegistry(), triggered: { events: 0 } };
    appsById.set(app.id, hosted);
    appsByKey.set(app.key, hosted);
  }

  const sessions = new Set<SocketSession>();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const server = createServer(createHttpApi(appsById));

  server.on('upgrade', (request: IncomingMessage, stream: Duplex, head: Buffer) => {
    sockets.handleUpgrade(request, stream, head, (socket) => {
      const url = new URL(request.url ?? '/', 'ws://stand-in');
      const key = /^\/app\/([^/]+)$/.exec(url.pathname)?.[1];
      const hosted = key === undefined ? undefined : appsByKey.get(decodeURIComponent(key));
      const protocol = Number(url.searchParams.get('protocol') ?? 7);
      if (!hosted) {
        socket.send(encodeError(`App key ${key ?? '(none)'} does not exist`, CloseCode.applicationDoesNotExist));
        socket.close(CloseCode.applicationDoesNotExist, 'Application does not exist');
        return;
      }
      if (!SUPPORTED_PROTOCOL_VERSIONS.includes(protocol)) {
        socket.send(encodeError(`Unsupported protocol version ${protocol}`, CloseCode.unsupportedProtocolVersion));
        socket.close(CloseCode.unsupportedProtocolVersion, 'Unsupported protocol version');
        return;
      }
      const session = new SocketSession(socket, hosted.app, hosted.registry, config);
      sessions.add(session);
      socket.on('close', () => sessions.delete(session));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${config.host}:${port}`,
    wsHost: config.host,
    wsPort: port,
    httpPort: port,
    connectionCount: () => sessions.size,
    triggeredEventCount: () => [...appsById.values()].reduce((sum, hosted) => sum + hosted.triggered.events, 0),
    closeAllConnections(code = CloseCode.reconnectImmediately, reason = 'Server asked to reconnect') {
      for (const session of sessions) session.close(code, reason);
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
