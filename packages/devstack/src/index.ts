export { ensureInfrastructure, repoRoot } from './infrastructure';
export { OIDC_CLIENT, platformEnv } from './platform-env';
export { startPlatform } from './platform';
export type { PlatformOptions, RunningPlatform } from './platform';
export { demoAccounts, portals, standIns } from './services';
