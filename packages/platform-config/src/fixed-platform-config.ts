import { defaultPlatformConfig, platformConfigSchema } from '@gametriggers/contracts';
import type { PlatformConfig } from '@gametriggers/contracts';
import type { EventEnvelope } from '@gametriggers/events';
import type { PlatformConfigSource } from './platform-config-client';

/**
 * The configuration without an admin service to read it from: the defaults with `overrides`,
 * changed by `config.changed` events as the client is. For tests and benches that run one service.
 */
export function fixedPlatformConfig(overrides: Partial<PlatformConfig> = {}): PlatformConfigSource {
  let values = platformConfigSchema.parse({ ...defaultPlatformConfig, ...overrides });
  return {
    get: () => Promise.resolve(values),
    onConfigChanged(event: EventEnvelope<'config.changed'>) {
      values = platformConfigSchema.parse({ ...defaultPlatformConfig, ...event.payload.values });
      return Promise.resolve();
    },
  };
}
