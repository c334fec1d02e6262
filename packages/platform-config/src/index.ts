export { createPlatformConfigClient } from './platform-config-client';
export type { PlatformConfigClient, PlatformConfigClientOptions } from './platform-config-client';
