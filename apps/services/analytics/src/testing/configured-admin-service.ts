import type { PlatformConfig } from '@gametriggers/contracts';
import { startPlatformConfigAdmin } from '@gametriggers/platform-config/testing';
import { startTestTokenIssuer } from '@gametriggers/testing';
import { analyticsTestServiceSecret } from './analytics-harness';

/**
 * A real admin service whose platform configuration has `changes` in force: for the analytics
 * service run as its own process (`src/main.ts`), which reads it at `ADMIN_SERVICE_URL`.
 */
export async function startConfiguredAdminService(changes: Partial<PlatformConfig>) {
  const issuer = await startTestTokenIssuer();
  const config = await startPlatformConfigAdmin({ issuer, serviceSecret: analyticsTestServiceSecret });
  await config.change(changes);
  return {
    url: config.url,
    async close() {
      await config.close();
      await issuer.close();
    },
  };
}
export type ConfiguredAdminService = Awaited<ReturnType<typeof startConfiguredAdminService>>;
