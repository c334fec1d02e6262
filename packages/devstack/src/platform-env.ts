import { createHmac } from 'node:crypto';
import { withDatabaseName } from '@gametriggers/db';
import type { DevSecrets } from './secrets';
import { gateway, gatewayMetricsPort, portals, processName, services, standIns } from './services';
import type { ServiceEntry } from './services';

export interface PlatformEnvOptions {
  /** Any database URL on the server; each service gets its own database name on it. */
  databaseServerUrl: string;
  redisUrl: string;
  secrets: DevSecrets;
  /** Appended to every database name, so a test run never touches the development data. */
  databaseSuffix?: string;
  /** Defaults to the mail catcher on 127.0.0.1:1025. */
  smtpUrl?: string;
  /** Issuers of the Twitch and Google stand-ins; default 127.0.0.1:4901 and :4902. */
  twitchIssuer?: string;
  googleIssuer?: string;
  /** Base URL of the Twitch API stand-in (serving `/oauth2` and `/helix`); default 127.0.0.1:4903. */
  twitchApiUrl?: string;
  /** Base URL of the YouTube (Google OAuth + Data API) stand-in; default 127.0.0.1:4904. */
  youtubeApiUrl?: string;
  /** Port of the local Pusher-protocol server; default 4905. */
  pusherPort?: number;
  /** Identity's access-token lifetime; unset keeps identity's default (15 minutes). */
  accessTokenTtlSeconds?: number;
  /** The payment service's Stripe settings (key, API address, webhook secrets): `startLocalPayments(...).paymentEnv`. */
  stripeEnv?: Record<string, string>;
  /** The asset service's UploadThing settings (`UPLOADTHING_*`): `startLocalUploadThing(...).env`. */
  uploadThingEnv?: Record<string, string>;
  /** The payment service on a test clock (`PAYMENT_TEST_CLOCK`; the local Stripe's test key only). */
  paymentTestClock?: boolean;
  /**
   * Where the processes are, for a platform not all on this machine (Compose, Kubernetes): each
   * service's and the gateway's internal address, the interface they listen on, and the host of the
   * stand-ins as the services reach them. Default: everything on 127.0.0.1.
   */
  network?: PlatformNetwork;
}

export interface PlatformNetwork {
  serviceAddress: (entry: ServiceEntry) => string;
  listenHost: string;
  standInHost: string;
  /** The Pusher host as browsers reach it (the portals hand it to pusher-js). */
  publicPusherHost: string;
  /** The gateway's public address (links in mails and ads, the portals' API). */
  gatewayUrl: string;
}

const localNetwork: PlatformNetwork = {
  serviceAddress: (entry) => serviceUrl(entry),
  listenHost: '127.0.0.1',
  standInHost: '127.0.0.1',
  publicPusherHost: '127.0.0.1',
  gatewayUrl: `http://localhost:${gateway.port}`,
};

/** The client the portals are registered as at both OIDC stand-ins. */
export const OIDC_CLIENT = { clientId: 'gametriggers-local', clientSecret: 'gametriggers-local-secret' };

/** The app the platform is at the local Pusher-protocol server (its secret is a dev secret). */
export const PUSHER_APP = { id: 'gametriggers-local', key: 'gametriggers-local-key' };

/** The app the streamer service is registered as at the Twitch API stand-in. */
export const TWITCH_API_CLIENT = { clientId: 'gametriggers-twitch-local', clientSecret: 'gametriggers-twitch-local-secret' };

/** The app the streamer service is registered as at the YouTube (Google) API stand-in. */
export const YOUTUBE_API_CLIENT = { clientId: 'gametriggers-youtube-local', clientSecret: 'gametriggers-youtube-local-secret' };

export const portalUrl = (entry: ServiceEntry) => `http://localhost:${entry.port}`;
export const serviceUrl = (entry: ServiceEntry) => `http://127.0.0.1:${entry.port}`;

/** Redirect URIs of every portal's next-auth callback for one provider (`twitch`, `google`). */
export function oidcRedirectUris(providerId: 'twitch' | 'google'): string[] {
  return portals.flatMap((portal) => [
    `${portalUrl(portal)}/api/auth/callback/${providerId}`,
    `http://127.0.0.1:${portal.port}/api/auth/callback/${providerId}`,
  ]);
}

/** `postgresql://…/gt_<name><suffix>` for one service. */
export function serviceDatabaseUrl(options: Pick<PlatformEnvOptions, 'databaseServerUrl' | 'databaseSuffix'>, entry: ServiceEntry): string {
  if (!entry.database) throw new Error(`${entry.name} has no database`);
  return withDatabaseName(options.databaseServerUrl, `${entry.database}${options.databaseSuffix ?? ''}`);
}

/**
 * The environment of every process, keyed by process name (`identity`, …, `gateway`,
 * `landing-portal`, …), built in one place for `pnpm dev`, the browser tests and anything else
 * that runs the platform. Values only; merge over `process.env` yourself.
 */
export function platformEnv(options: PlatformEnvOptions): Record<string, Record<string, string>> {
  const byName = (name: string) => portals.find((portal) => portal.name === name);
  const portalUrlOf = (name: string) => {
    const entry = byName(name);
    return entry ? portalUrl(entry) : '';
  };
  const network = options.network ?? localNetwork;
  const standIn = (port: number) => `${network.standInHost}:${port}`;
  const identity = services.find((entry) => entry.name === 'identity');
  const shared: Record<string, string> = {
    REDIS_URL: options.redisUrl,
    SERVICE_SECRET: options.secrets.SERVICE_SECRET,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    LANDING_URL: portalUrlOf('landing'),
    BRAND_PORTAL_URL: portalUrlOf('brand'),
    STREAMER_PORTAL_URL: portalUrlOf('streamer'),
    ADMIN_PORTAL_URL: portalUrlOf('admin'),
    GATEWAY_URL: network.gatewayUrl,
    IDENTITY_JWKS_URL: `${identity ? network.serviceAddress(identity) : 'http://127.0.0.1:4101'}/.well-known/jwks.json`,
    PUSHER_APP_ID: PUSHER_APP.id,
    PUSHER_KEY: PUSHER_APP.key,
    PUSHER_SECRET: options.secrets.PUSHER_SECRET,
    PUSHER_HOST: network.standInHost,
    PUSHER_PORT: String(options.pusherPort ?? standIns.pusher),
    PUSHER_USE_TLS: 'false',
    // Every service's address, as `<NAME>_SERVICE_URL` (the gateway routes by them).
    ...Object.fromEntries(services.map((entry) => [`${entry.name.toUpperCase()}_SERVICE_URL`, network.serviceAddress(entry)])),
  };
  const twitchApiUrl = options.twitchApiUrl ?? `http://${standIn(standIns.twitchApi)}`;
  const youtubeApiUrl = options.youtubeApiUrl ?? `http://${standIn(standIns.youtubeApi)}`;
  // What one service needs beyond the shared values.
  const own: Record<string, Record<string, string>> = {
    identity: {
      SIGNING_KEY_SECRET: options.secrets.SIGNING_KEY_SECRET,
      IDENTITY_ENCRYPTION_KEYS: `dev-1:${options.secrets.ENCRYPTION_KEY}`,
      IDENTITY_ENCRYPTION_ACTIVE_KEY_ID: 'dev-1',
      ...(options.accessTokenTtlSeconds
        ? { ACCESS_TOKEN_TTL_SECONDS: String(options.accessTokenTtlSeconds) }
        : {}),
    },
    // Derived from a dev secret rather than stored beside it: one secret fewer for the machine to keep.
    admin: {
      AUDIT_CHECKPOINT_KEY: createHmac('sha256', options.secrets.SIGNING_KEY_SECRET).update('audit-checkpoint').digest('base64url'),
      AUDIT_CHECKPOINT_KEY_ID: 'dev-1',
    },
    asset: { ...options.uploadThingEnv },
    // Every email goes out through the notification service (identity's account mails too).
    notification: { SMTP_URL: options.smtpUrl ?? `smtp://${standIn(standIns.smtp)}` },
    overlay: {
      // ad.show's click link is the gateway's public short link (`/r/<code>`).
      SHORT_LINK_BASE_URL: network.gatewayUrl,
      OVERLAY_ENCRYPTION_KEYS: `dev-1:${options.secrets.ENCRYPTION_KEY}`,
      OVERLAY_ENCRYPTION_ACTIVE_KEY_ID: 'dev-1',
    },
    payment: {
      ...options.stripeEnv,
      ...(options.paymentTestClock ? { PAYMENT_TEST_CLOCK: 'true' } : {}),
    },
    streamer: {
      STREAMER_ENCRYPTION_KEYS: `dev-1:${options.secrets.ENCRYPTION_KEY}`,
      STREAMER_ENCRYPTION_ACTIVE_KEY_ID: 'dev-1',
      TWITCH_AUTH_URL: `${twitchApiUrl}/oauth2`,
      TWITCH_API_URL: `${twitchApiUrl}/helix`,
      TWITCH_CLIENT_ID: TWITCH_API_CLIENT.clientId,
      TWITCH_CLIENT_SECRET: TWITCH_API_CLIENT.clientSecret,
      GOOGLE_AUTHORIZE_URL: `${youtubeApiUrl}/o/oauth2/v2/auth`,
      GOOGLE_OAUTH_URL: youtubeApiUrl,
      YOUTUBE_API_URL: `${youtubeApiUrl}/youtube/v3`,
      YOUTUBE_CLIENT_ID: YOUTUBE_API_CLIENT.clientId,
      YOUTUBE_CLIENT_SECRET: YOUTUBE_API_CLIENT.clientSecret,
    },
  };
  const env: Record<string, Record<string, string>> = {};
  for (const entry of services) {
    env[processName(entry)] = {
      ...shared,
      HOST: network.listenHost,
      PORT: String(entry.port),
      DATABASE_URL: serviceDatabaseUrl(options, entry),
      ...own[entry.name],
    };
  }
  env[processName(gateway)] = {
    ...shared,
    HOST: network.listenHost,
    PORT: String(gateway.port),
    METRICS_HOST: network.listenHost,
    METRICS_PORT: String(gatewayMetricsPort),
  };
  for (const entry of portals) {
    env[processName(entry)] = {
      ...shared,
      PUSHER_HOST: network.publicPusherHost,
      PORT: String(entry.port),
      NEXTAUTH_URL: portalUrl(entry),
      NEXTAUTH_SECRET: options.secrets.NEXTAUTH_SECRET,
      TWITCH_ISSUER: options.twitchIssuer ?? `http://${standIn(standIns.twitchOidc)}`,
      TWITCH_CLIENT_ID: OIDC_CLIENT.clientId,
      TWITCH_CLIENT_SECRET: OIDC_CLIENT.clientSecret,
      GOOGLE_ISSUER: options.googleIssuer ?? `http://${standIn(standIns.googleOidc)}`,
      GOOGLE_CLIENT_ID: OIDC_CLIENT.clientId,
      GOOGLE_CLIENT_SECRET: OIDC_CLIENT.clientSecret,
    };
  }
  return env;
}

