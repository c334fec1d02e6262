import { withDatabaseName } from '@gametriggers/db';
import type { DevSecrets } from './secrets';
import { portals, standIns } from './services';

export interface PlatformEnvOptions {
  databaseServerUrl: string;
  redisUrl: string;
  secrets: DevSecrets;
  /** Appended to every database name, so a test run never touches the development data. */
  databaseSuffix?: string;
  smtpUrl?: string;
  twitchIssuer?: string;
}

export const OIDC_CLIENT = {
  clientId: 'gametriggers-local',
  clientSecret: 'gametriggers-local-secret',
};

/** The environment of every process, built in one place for `pnpm dev` and the browser tests. */
export function platformEnv(options: PlatformEnvOptions): Record<string, Record<string, string>> {
  const portalUrl = (name: string) =>
    `http://localhost:${portals.find((portal) => portal.name === name)?.port}`;
  const shared = {
    REDIS_URL: options.redisUrl,
    SERVICE_SECRET: options.secrets.SERVICE_SECRET,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    LANDING_URL: portalUrl('landing'),
    BRAND_PORTAL_URL: portalUrl('brand'),
    STREAMER_PORTAL_URL: portalUrl('streamer'),
    ADMIN_PORTAL_URL: portalUrl('admin'),
    GATEWAY_URL: 'http://localhost:4000',
    IDENTITY_JWKS_URL: 'http://127.0.0.1:4101/.well-known/jwks.json',
  };
  const portalEnv = (name: string) => ({
    ...shared,
    PORT: String(portals.find((portal) => portal.name === name)?.port),
    NEXTAUTH_URL: portalUrl(name),
    NEXTAUTH_SECRET: options.secrets.NEXTAUTH_SECRET,
    ...(options.twitchIssuer
      ? {
          TWITCH_ISSUER: options.twitchIssuer,
          TWITCH_CLIENT_ID: OIDC_CLIENT.clientId,
          TWITCH_CLIENT_SECRET: OIDC_CLIENT.clientSecret,
        }
      : {}),
  });
  return {
    identity: {
      ...shared,
      PORT: '4101',
      DATABASE_URL: withDatabaseName(
        options.databaseServerUrl,
        `gt_identity${options.databaseSuffix ?? ''}`,
      ),
      SIGNING_KEY_SECRET: options.secrets.SIGNING_KEY_SECRET,
      SMTP_URL: options.smtpUrl ?? `smtp://127.0.0.1:${standIns.smtp}`,
    },
    gateway: { ...shared, PORT: '4000' },
    landing: portalEnv('landing'),
    brand: portalEnv('brand'),
    streamer: portalEnv('streamer'),
    admin: portalEnv('admin'),
  };
}
