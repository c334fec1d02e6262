import { authOptionsFromEnv, portalUrlsFrom } from '@gametriggers/auth';
import { SIGNUP_ROLE_COOKIE } from '@gametriggers/auth';
import { cookies } from 'next/headers';

export function authOptions() {
  // The role picked on the sign-up page, read once in the OAuth callback and then forgotten.
  return authOptionsFromEnv('landing', process.env, async () => {
    const jar = await cookies();
    const role = jar.get(SIGNUP_ROLE_COOKIE)?.value;
    if (role) {
      try {
        jar.delete(SIGNUP_ROLE_COOKIE);
      } catch {
        // read-only outside a route handler; it expires on its own in ten minutes
      }
    }
    return role;
  });
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
