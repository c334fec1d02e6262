import type { NextConfig } from 'next';

const config: NextConfig = {
  transpilePackages: [
    '@gametriggers/api',
    '@gametriggers/auth',
    '@gametriggers/ui',
    '@gametriggers/tokens',
  ],
  poweredByHeader: false,
};

export default config;
