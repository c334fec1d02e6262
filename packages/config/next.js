// The Next.js settings every portal shares: our workspace packages are TypeScript source.
export const portalNextConfig = {
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
