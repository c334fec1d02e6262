import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readStreamerEnv } from './env';

const base = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/gt_streamer',
  REDIS_URL: 'redis://127.0.0.1:6379',
  IDENTITY_JWKS_URL: 'http://127.0.0.1:4101/.well-known/jwks.json',
  SERVICE_SECRET: 'a-service-secret-of-at-least-32-chars!',
};

describe('the streamer environment', () => {
  it('has development defaults', () => {
    const env = readStreamerEnv(base);
    expect(env).toMatchObject({
      PORT: 4103,
      STREAMER_ENCRYPTION_ACTIVE_KEY_ID: 'dev1',
      TWITCH_API_URL: 'https://api.twitch.tv/helix',
      TWITCH_AUTH_URL: 'https://id.twitch.tv/oauth2',
      YOUTUBE_API_URL: 'https://www.googleapis.com/youtube/v3',
      GOOGLE_OAUTH_URL: 'https://oauth2.googleapis.com',
      GOOGLE_AUTHORIZE_URL: 'https://accounts.google.com/o/oauth2/v2/auth',
      METRICS_SYNC_INTERVAL_MINUTES: 15,
    });
  });

  it('needs the active key among the keys', () => {
    expect(() =>
      readStreamerEnv({
        ...base,
        STREAMER_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        STREAMER_ENCRYPTION_ACTIVE_KEY_ID: 'k2',
      }),
    ).toThrow(/STREAMER_ENCRYPTION_ACTIVE_KEY_ID is invalid: must name one of the keys/);
  });

  it('refuses a malformed key list', () => {
    expect(() => readStreamerEnv({ ...base, STREAMER_ENCRYPTION_KEYS: 'k1:short' })).toThrow(
      /STREAMER_ENCRYPTION_KEYS is invalid: key "k1" must be 32 bytes/,
    );
  });

  it('refuses the development key and client secrets in production', () => {
    expect(() => readStreamerEnv({ ...base, NODE_ENV: 'production' })).toThrow(
      /STREAMER_ENCRYPTION_KEYS[\s\S]*TWITCH_CLIENT_SECRET[\s\S]*YOUTUBE_CLIENT_SECRET/,
    );
  });
});
