import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves a `Request → Response` handler (like `uploadthing/server`'s `createRouteHandler`) over node:http. */
export async function serveFetchHandler(handler: (request: Request) => Promise<Response>) {
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
      const method = incoming.method ?? 'GET';
      const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks),
      });
      const response = await handler(request);
      outgoing.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/uploadthing`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
