import { startAdminHarness } from '@gametriggers/admin-service/testing';
import type { PlatformConfig } from '@gametriggers/contracts';
import { testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { createPlatformConfigClient } from '../platform-config-client';

export interface PlatformConfigAdminOptions {
  /** Issues the super admin's token; the admin service accepts its tokens. */
  issuer: TestTokenIssuer;
  serviceSecret: string;
  now?: () => Date;
  /** The Redis URL and BullMQ prefix shared with the services, so `config.changed` reaches them. */
  events?: { redisUrl: string; queuePrefix: string };
}

/**
 * A real admin service keeping the platform configuration, for a service's tests: clients of it
 * as the service composes one, and changes made as a super admin through `admin.config.update`.
 */
export async function startPlatformConfigAdmin(options: PlatformConfigAdminOptions) {
  const admin = await startAdminHarness({
    jwksUrl: options.issuer.jwksUrl,
    now: options.now,
    serviceSecret: options.serviceSecret,
    events: options.events,
  });
  const superAdmin = admin.client(await options.issuer.tokenFor(testCast().superAdmin));
  let version = 0;
  return {
    url: admin.url,
    /** A client as the service named `caller` makes one. */
    clientFor: (caller: string) =>
      createPlatformConfigClient({ adminServiceUrl: admin.url, serviceSecret: options.serviceSecret, caller, now: options.now }),
    /** Puts `changes` in force (a new version, announced by `config.changed`). */
    async change(changes: Partial<PlatformConfig>) {
      ({ version } = await superAdmin.admin.config.update.mutate({ changes, reason: 'A test’s settings', expectedVersion: version }));
    },
    close: () => admin.close(),
  };
}
export type PlatformConfigAdmin = Awaited<ReturnType<typeof startPlatformConfigAdmin>>;
