import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import Pusher from 'pusher';
import type { RealtimeConfig } from './realtime-config';

/** The official server SDK, pointed at Pusher's cluster or at a host such as the stand-in. */
export function createPusherServerClient(config: RealtimeConfig): Pusher {
  // Reusing connections keeps a trigger to one round trip instead of a TCP (and TLS) handshake each.
  const agent = config.useTLS ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const base = { appId: config.appId, key: config.key, secret: config.secret, useTLS: config.useTLS, agent };
  if (config.host) {
    return new Pusher({ ...base, host: config.host, ...(config.port ? { port: String(config.port) } : {}) });
  }
  if (!config.cluster) throw new Error('A realtime config needs a cluster or a host');
  return new Pusher({ ...base, cluster: config.cluster });
}
