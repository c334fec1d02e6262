import { startAdminHarness } from '@gametriggers/admin-service/testing';
import type { PlatformConfig } from '@gametriggers/contracts';
import { startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { analyticsTestServiceSecret } from './analytics-harness';

/**
 * A real admin service whose platform configuration has `changes` in force: for the analytics
 * service run as its own process (`src/main.ts`), which reads it at `ADMIN_SERVICE_URL`.
 */
export async function startConfiguredAdminService(changes: Partial<PlatformConfig>) {
  const issuer = await startTestTokenIssuer();
  const admin = await startAdminHarness({ jwksUrl: issuer.jwksUrl, serviceSecret: analyticsTestServiceSecret });
  const superAdmin = admin.client(await issuer.tokenFor(testCast().superAdmin));
  await superAdmin.admin.config.update.mutate({ changes, reason: 'Limits of the test', expectedVersion: 0 });
  return {
    url: admin.url,
    async close() {
      await admin.close();
      await issuer.close();
    },
  };
}
export type ConfiguredAdminService = Awaited<ReturnType<typeof startConfiguredAdminService>>;
