import { describe, expect, it } from 'vitest';
import { realtimeConfigFromEnv } from './realtime-config';

const credentials = { PUSHER_APP_ID: '1', PUSHER_KEY: 'key', PUSHER_SECRET: 'secret' };

describe('realtimeConfigFromEnv', () => {
  it('reads production Pusher: a cluster, with TLS on by default', () => {
    expect(realtimeConfigFromEnv({ ...credentials, PUSHER_CLUSTER: 'eu' })).toEqual({
      appId: '1',
      key: 'key',
      secret: 'secret',
      cluster: 'eu',
      host: undefined,
      port: undefined,
      useTLS: true,
    });
  });

  it('reads a local stand-in: host and port, with TLS off by default', () => {
    expect(realtimeConfigFromEnv({ ...credentials, PUSHER_HOST: '127.0.0.1', PUSHER_PORT: '6001' })).toMatchObject({
      host: '127.0.0.1',
      port: 6001,
      useTLS: false,
    });
    expect(realtimeConfigFromEnv({ ...credentials, PUSHER_HOST: 'ws.example.com', PUSHER_USE_TLS: 'true' }).useTLS).toBe(true);
  });

  it('stops with a message naming what is missing', () => {
    expect(() => realtimeConfigFromEnv({ PUSHER_KEY: 'key' })).toThrow(/PUSHER_APP_ID[\s\S]*PUSHER_SECRET/);
    expect(() => realtimeConfigFromEnv(credentials)).toThrow(/set PUSHER_CLUSTER .* or PUSHER_HOST/);
    expect(() => realtimeConfigFromEnv({ ...credentials, PUSHER_HOST: 'h', PUSHER_PORT: 'abc' })).toThrow(/PUSHER_PORT/);
  });
});
