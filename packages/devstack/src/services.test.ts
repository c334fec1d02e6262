import { describe, expect, it } from 'vitest';
import { OIDC_CLIENT, platformEnv } from './platform-env';
import { backendServices, portals, processName } from './services';

const env = platformEnv({
  databaseServerUrl: 'postgresql://postgres@127.0.0.1:5432/postgres',
  redisUrl: 'redis://127.0.0.1:6379',
  secrets: { SERVICE_SECRET: 's'.repeat(48), SIGNING_KEY_SECRET: 'k'.repeat(48), NEXTAUTH_SECRET: 'n'.repeat(48), ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), PUSHER_SECRET: 'p'.repeat(48) },
  databaseSuffix: '_t',
});

describe('service table and platform env', () => {
  it('gives every process its own port and name', () => {
    const all = [...backendServices, ...portals];
    expect(new Set(all.map((entry) => entry.port)).size).toBe(all.length);
    expect(new Set(all.map(processName)).size).toBe(all.length);
    expect(Object.keys(env).sort()).toEqual(all.map(processName).sort());
  });

  it('gives each service its own database and the shared wiring', () => {
    expect(env.identity).toMatchObject({
      PORT: '4101',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/gt_identity_t',
      IDENTITY_JWKS_URL: 'http://127.0.0.1:4101/.well-known/jwks.json',
      SIGNING_KEY_SECRET: 'k'.repeat(48),
    });
    // Identity mails nothing itself: the notification service sends its mails.
    expect(env.identity?.SMTP_URL).toBeUndefined();
    expect(env.campaign?.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/gt_campaign_t');
    // The services reading the platform configuration find the admin service.
    for (const name of ['campaign', 'participation', 'analytics', 'payment'])
      expect(env[name]?.ADMIN_SERVICE_URL).toBe('http://127.0.0.1:4111');
    expect(env.gateway).toMatchObject({ PORT: '4000', CAMPAIGN_SERVICE_URL: 'http://127.0.0.1:4104', METRICS_HOST: '127.0.0.1', METRICS_PORT: '9400' });
    expect(env.gateway?.DATABASE_URL).toBeUndefined();
  });

  it('gives the notification service its database, Pusher, SMTP, identity and the portals for email links', () => {
    expect(env.notification).toMatchObject({
      PORT: '4109',
      IDENTITY_SERVICE_URL: 'http://127.0.0.1:4101',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/gt_notification_t',
      PUSHER_HOST: '127.0.0.1',
      PUSHER_PORT: '4905',
      SMTP_URL: 'smtp://127.0.0.1:1025',
      BRAND_PORTAL_URL: 'http://localhost:3001',
      STREAMER_PORTAL_URL: 'http://localhost:3002',
    });
    expect(env.gateway?.NOTIFICATION_SERVICE_URL).toBe('http://127.0.0.1:4109');
    // Audiences (a launch's matched streamers, a campaign's participants) come from these.
    expect(env.notification).toMatchObject({
      CAMPAIGN_SERVICE_URL: 'http://127.0.0.1:4104',
      STREAMER_SERVICE_URL: 'http://127.0.0.1:4103',
      PARTICIPATION_SERVICE_URL: 'http://127.0.0.1:4105',
    });
  });

  it('shortens access tokens only when asked (browser tests)', () => {
    expect(env.identity?.ACCESS_TOKEN_TTL_SECONDS).toBeUndefined();
    const short = platformEnv({ databaseServerUrl: 'postgresql://postgres@127.0.0.1:5432/postgres', redisUrl: 'redis://127.0.0.1:6379', secrets: { SERVICE_SECRET: 's'.repeat(48), SIGNING_KEY_SECRET: 'k'.repeat(48), NEXTAUTH_SECRET: 'n'.repeat(48), ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), PUSHER_SECRET: 'p'.repeat(48) }, accessTokenTtlSeconds: 8 });
    expect(short.identity?.ACCESS_TOKEN_TTL_SECONDS).toBe('8');
  });

  it('points the portals at the OIDC stand-ins', () => {
    expect(env['brand-portal']).toMatchObject({
      PORT: '3001',
      NEXTAUTH_URL: 'http://localhost:3001',
      GATEWAY_URL: 'http://localhost:4000',
      TWITCH_ISSUER: 'http://127.0.0.1:4901',
      TWITCH_CLIENT_ID: OIDC_CLIENT.clientId,
      GOOGLE_ISSUER: 'http://127.0.0.1:4902',
    });
  });
});
