export { ensureInfrastructure, repoRoot } from './infrastructure';
export type { Infrastructure } from './infrastructure';
export { OIDC_CLIENT, oidcRedirectUris, platformEnv, portalUrl, serviceDatabaseUrl, serviceUrl } from './platform-env';
export type { PlatformEnvOptions, PlatformNetwork } from './platform-env';
export {
  freeStandInPorts,
  prepareServiceDatabases,
  presentEntries,
  seedDemoAccounts,
  startPlatform,
  startStandIns,
  stopAllPlatforms,
} from './platform';
export type { PlatformOptions, RunningPlatform, SeedResult } from './platform';
export { topUpByCard } from './demo-wallets';
export {
  DEMO_CREATIVES_DIR,
  approveCreative,
  awaitAsset,
  checkedCreative,
  creativeQueueItem,
  demoCreativeFile,
  uploadCreative,
} from './demo-creatives';
export { onePagePdf, registrationCertificate, uploadCheckedCertificate, uploadVerificationDocument } from './demo-documents';
export { devSecrets, generateSecrets } from './secrets';
export type { DevSecrets } from './secrets';
export { DEMO_ADMIN_TOTP_SECRET, backendServices, demoAccounts, gateway, gatewayMetricsPort, portals, processName, services, standIns } from './services';
export type { ServiceEntry } from './services';
