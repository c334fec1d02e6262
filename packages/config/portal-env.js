// What each portal needs in its environment, checked when it is built for a deployment (Vercel sets
// VERCEL=1 in its builds; CHECK_PORTAL_ENV=1 asks for the check anywhere else).

const everyPortal = {
  required: [
    'NEXTAUTH_URL',
    'NEXTAUTH_SECRET',
    'SERVICE_SECRET',
    'GATEWAY_URL',
    'LANDING_URL',
    'BRAND_PORTAL_URL',
    'STREAMER_PORTAL_URL',
    'ADMIN_PORTAL_URL',
  ],
  optional: ['AUTH_COOKIE_DOMAIN', 'PUSHER_KEY', 'PUSHER_HOST', 'PUSHER_PORT', 'PUSHER_USE_TLS'],
};

/** Required and optional variables per portal (`landing`, `brand`, `streamer`, `admin`). */
export const portalEnvironment = {
  landing: {
    required: everyPortal.required,
    optional: [
      ...everyPortal.optional,
      'TWITCH_ISSUER',
      'TWITCH_CLIENT_ID',
      'TWITCH_CLIENT_SECRET',
      'GOOGLE_ISSUER',
      'GOOGLE_CLIENT_ID',
      'GOOGLE_CLIENT_SECRET',
    ],
  },
  brand: everyPortal,
  streamer: {
    required: [...everyPortal.required, 'OVERLAY_SERVICE_URL'],
    optional: [...everyPortal.optional, 'PUBLIC_GATEWAY_URL'],
  },
  admin: everyPortal,
};

/** The required variables `env` lacks for `portal`, or an empty list. */
export function missingPortalEnv(portal, env) {
  return portalEnvironment[portal].required.filter((name) => !env[name]);
}

/** Throws, naming every missing variable, when a deployment build of `portal` lacks any. */
export function checkPortalBuildEnv(portal, env) {
  if (env.VERCEL !== '1' && env.CHECK_PORTAL_ENV !== '1') return;
  const missing = missingPortalEnv(portal, env);
  if (missing.length > 0) {
    throw new Error(`The ${portal} portal cannot be built for a deployment without: ${missing.join(', ')} (see deploy/README.md).`);
  }
}
