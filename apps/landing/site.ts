import { authOptionsFromEnv, portalUrlsFrom } from '@gametriggers/auth';
import { SIGNUP_ROLE_COOKIE } from '@gametriggers/auth';
import { cookies } from 'next/headers';

export function authOptions() {
  return authOptionsFromEnv(
    'landing',
    process.env,
    async () => (await cookies()).get(SIGNUP_ROLE_COOKIE)?.value,
  );
}

/** What the landing's client components need to know, read on the server at request time. */
export function siteSettings() {
  return {
    gatewayUrl:
      process.env.PUBLIC_GATEWAY_URL ?? process.env.GATEWAY_URL ?? 'http://localhost:4000',
    portals: portalUrlsFrom(process.env),
    providers: {
      twitch: Boolean(process.env.TWITCH_CLIENT_ID && process.env.TWITCH_ISSUER),
      google: Boolean(process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_ISSUER),
    },
  };
}
export type SiteSettings = ReturnType<typeof siteSettings>;
