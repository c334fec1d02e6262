import type { Portal } from './portals';
import { portalUrlsFrom } from './portals';
import { createAuthOptions } from './auth-options';
import type { OidcProviderConfig } from './auth-options';

function provider(
  env: Record<string, string | undefined>,
  prefix: 'TWITCH' | 'GOOGLE',
): OidcProviderConfig | undefined {
  const clientId = env[`${prefix}_CLIENT_ID`];
  const clientSecret = env[`${prefix}_CLIENT_SECRET`];
  const issuer = env[`${prefix}_ISSUER`];
  return clientId && clientSecret && issuer ? { clientId, clientSecret, issuer } : undefined;
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: the portal cannot sign anyone in without it.`);
  return value;
}

/** A portal's next-auth options from its environment (validated here, with clear messages). */
export function authOptionsFromEnv(
  portal: Portal,
  env: Record<string, string | undefined>,
  readSignupRole?: () => Promise<string | undefined>,
) {
  return createAuthOptions({
    portal,
    gatewayUrl: env.GATEWAY_URL ?? 'http://localhost:4000',
    secret: required(env, 'NEXTAUTH_SECRET'),
    serviceSecret: required(env, 'SERVICE_SECRET'),
    portals: portalUrlsFrom(env),
    twitch: provider(env, 'TWITCH'),
    google: provider(env, 'GOOGLE'),
    cookieDomain: env.AUTH_COOKIE_DOMAIN,
    readSignupRole,
  });
}
