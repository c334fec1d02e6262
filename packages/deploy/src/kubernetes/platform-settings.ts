import type { DevSecrets } from '@gametriggers/devstack';
import { platformEnv, portals, processName, services } from '@gametriggers/devstack';
import { GATEWAY_HOST } from './workloads';

/** Settings only the local stand-ins need (their addresses, the local test switches): not part of a cluster. */
const STAND_IN_ONLY = /^(STRIPE_API_|UPLOADTHING_(INGEST|API)_URL|UPLOADTHING_UFS_|TWITCH_AUTH_URL|TWITCH_API_URL|GOOGLE_AUTHORIZE_URL|GOOGLE_OAUTH_URL|YOUTUBE_API_URL|ALLOW_LOCAL_CREATIVES|PAYMENT_TEST_CLOCK)/;
/** Set by each Deployment itself. */
const PER_POD = new Set(['HOST', 'PORT', 'DATABASE_URL']);
/** Shared values that are secret or carry credentials (a Redis URL may). */
const SHARED_SECRET_KEYS = ['SERVICE_SECRET', 'REDIS_URL', 'PUSHER_SECRET'];

const placeholderSecrets: DevSecrets = {
  SERVICE_SECRET: '-',
  SIGNING_KEY_SECRET: '-',
  NEXTAUTH_SECRET: '-',
  ENCRYPTION_KEY: '-',
  PUSHER_SECRET: '-',
};

/** Public addresses of the production platform (the overlay's replacements of the base's example hosts). */
const productionHosts = { 'gametriggers.example': 'gametriggers.com' };

/**
 * The platform's environment as a cluster holds it: what is not secret in one ConfigMap, the shared
 * secrets in one Secret and each service's own keys in its Secret. Derived from the same table
 * `pnpm dev` uses (`platformEnv`), with the cluster's addresses.
 */
export function platformSettings() {
  const env = platformEnv({
    databaseServerUrl: 'postgresql://postgres@postgres:5432/postgres',
    redisUrl: 'redis://redis:6379',
    secrets: placeholderSecrets,
    stripeEnv: { STRIPE_SECRET_KEY: '-', STRIPE_WEBHOOK_SECRET: '-', STRIPE_CONNECT_WEBHOOK_SECRET: '-' },
    uploadThingEnv: { UPLOADTHING_TOKEN: '-' },
    network: {
      serviceAddress: (entry) => `http://${entry.name}:${entry.port}`,
      listenHost: '0.0.0.0',
      standInHost: 'localhost',
      publicPusherHost: 'localhost',
      gatewayUrl: `https://${GATEWAY_HOST}`,
    },
  });
  const gatewayEnv = env.gateway ?? {};
  const portalUrls = Object.fromEntries(
    portals.map((entry) => [`${entry.name === 'landing' ? 'LANDING' : `${entry.name.toUpperCase()}_PORTAL`}_URL`, `https://${entry.name === 'landing' ? '' : `${entry.name}.`}gametriggers.example`]),
  );
  const config: Record<string, string> = { NODE_ENV: 'production', ...portalUrls };
  for (const [key, value] of Object.entries(gatewayEnv)) {
    if (PER_POD.has(key) || SHARED_SECRET_KEYS.includes(key) || key.startsWith('METRICS_') || key in portalUrls) continue;
    config[key] = value;
  }
  // Pusher's own API host in production (the cluster of the Pusher app).
  Object.assign(config, { PUSHER_HOST: 'api-mt1.pusher.com', PUSHER_PORT: '443', PUSHER_USE_TLS: 'true', PUSHER_KEY: 'set-the-pusher-app-key' });
  const serviceSecretKeys = Object.fromEntries(
    services.map((entry) => {
      const own = Object.keys(env[processName(entry)] ?? {}).filter(
        (key) => !(key in gatewayEnv) && !PER_POD.has(key) && !STAND_IN_ONLY.test(key),
      );
      return [entry.name, own.sort()];
    }),
  );
  const productionConfig = Object.fromEntries(
    Object.entries(config)
      .filter(([, value]) => value.includes('gametriggers.example'))
      .map(([key, value]) => [key, value.replace('gametriggers.example', productionHosts['gametriggers.example'])]),
  );
  return {
    config: Object.fromEntries(Object.entries(config).sort(([a], [b]) => a.localeCompare(b))),
    productionConfig,
    sharedSecretKeys: SHARED_SECRET_KEYS,
    serviceSecretKeys,
    /** Development values that must have a form (the rest are placeholders). */
    devValues: {
      REDIS_URL: 'redis://redis:6379',
      SMTP_URL: 'smtp://mail:1025',
      IDENTITY_ENCRYPTION_KEYS: 'dev-1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktY2hhbmdlISE=',
      IDENTITY_ENCRYPTION_ACTIVE_KEY_ID: 'dev-1',
      OVERLAY_ENCRYPTION_KEYS: 'dev-1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktY2hhbmdlISE=',
      OVERLAY_ENCRYPTION_ACTIVE_KEY_ID: 'dev-1',
      STREAMER_ENCRYPTION_KEYS: 'dev-1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktY2hhbmdlISE=',
      STREAMER_ENCRYPTION_ACTIVE_KEY_ID: 'dev-1',
      AUDIT_CHECKPOINT_KEY_ID: 'dev-1',
      SHORT_LINK_BASE_URL: `https://${GATEWAY_HOST}`,
      STRIPE_SECRET_KEY: 'sk_test_dev_only',
      STRIPE_WEBHOOK_SECRET: 'whsec_dev_only_change_me',
      STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_dev_only_connect_change_me',
    } as Record<string, string>,
  };
}
