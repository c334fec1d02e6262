// Runs the stand-in for local development with the same PUSHER_* variables the apps read.
import { realtimeConfigFromEnv } from '../realtime-config';
import { startPusherStandIn } from './stand-in';

const DEFAULT_PORT = 6001;

const config = realtimeConfigFromEnv({ PUSHER_HOST: '127.0.0.1', ...process.env });
const standIn = await startPusherStandIn({
  host: config.host,
  port: config.port ?? DEFAULT_PORT,
  apps: [{ id: config.appId, key: config.key, secret: config.secret }],
});
process.stdout.write(`Pusher stand-in for app ${config.appId} listening on ${standIn.url} (ws and HTTP API)\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void standIn.close().then(() => process.exit(0));
  });
}
