export { createPlatformConfigClient } from './platform-config-client';
export type { PlatformConfigClient, PlatformConfigClientOptions, PlatformConfigSource } from './platform-config-client';
export { fixedPlatformConfig } from './fixed-platform-config';
export { platformConfigEnvShape } from './platform-config-env';
