import {
  adminProceduresOf,
  checkAdminAuthorization,
  failure,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminRouter } from './router';
import type { AdminHarness } from './testing/admin-harness';
import { startAdminHarness } from './testing/admin-harness';

const cast = testCast();
let issuer: TestTokenIssuer;
let harness: AdminHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAdminHarness({ jwksUrl: issuer.jwksUrl });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

describe('every admin procedure', () => {
  it('needs its permission: reading the audit log canAccessAuditLogs, erasing personal details canManageUsers, the configuration canConfigureSystem, moderation canModerateContent, the health page any admin', () => {
    const permissions = Object.fromEntries(
      adminProceduresOf(createAdminRouter(harness.service.deps)).map((procedure) => [
        procedure.path,
        procedure.permission,
      ]),
    );
    expect(permissions).toEqual({
      'admin.audit.list': 'canAccessAuditLogs',
      'admin.audit.verify': 'canAccessAuditLogs',
      'admin.audit.erasePersonalDetails': 'canManageUsers',
      'admin.config.get': 'canConfigureSystem',
      'admin.config.update': 'canConfigureSystem',
      'admin.config.history': 'canConfigureSystem',
      'admin.moderation.list': 'canModerateContent',
      'admin.moderation.get': 'canModerateContent',
      'admin.moderation.approve': 'canModerateContent',
      'admin.moderation.reject': 'canModerateContent',
      'admin.health.overview': undefined,
    });
  });

  it('lets an admin with its permission past authorization, and no one else', async () => {
    const { checked, mismatches } = await checkAdminAuthorization({
      router: createAdminRouter(harness.service.deps),
      url: harness.url,
      tokenFor: (person) => issuer.tokenFor(person),
    });
    expect(checked).toHaveLength(11);
    expect(mismatches).toEqual([]);
  });
});

describe('the configuration for services', () => {
  it('answers services only', async () => {
    expect(await harness.serviceClient().admin.config.internal.current.query()).toMatchObject({
      version: 0,
    });
    for (const person of [cast.superAdmin, cast.brandA, cast.streamerA]) {
      const client = harness.client(await issuer.tokenFor(person));
      expect(await failure(client.admin.config.internal.current.query())).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(await failure(harness.client().admin.config.internal.current.query())).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
