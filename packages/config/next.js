import { checkPortalBuildEnv } from './portal-env.js';

// The Next.js settings every portal shares: our workspace packages are TypeScript source.
const portalNextConfig = {
  transpilePackages: [
    '@gametriggers/api',
    '@gametriggers/auth',
    '@gametriggers/ui',
    '@gametriggers/tokens',
    '@gametriggers/contracts',
    '@gametriggers/realtime',
  ],
  poweredByHeader: false,
};

/** One portal's settings; a deployment build (Vercel) stops here when its environment is incomplete. */
export function portalNextConfigFor(portal) {
  checkPortalBuildEnv(portal, process.env);
  return portalNextConfig;
}
