import {
  adminProceduresOf,
  adminWith,
  callProcedure,
  checkAdminAuthorization,
  failure,
  fixedClock,
  proceduresOf,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestPerson } from '@gametriggers/testing';
import { LEGACY_IMPORTER_SERVICE, signServiceToken } from '@gametriggers/tokens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityRouter } from './router';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness, testServiceSecret } from './testing/identity-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
let harness: IdentityHarness;

beforeAll(async () => {
  harness = await startIdentityHarness({ now: clock.now });
});
afterAll(() => harness?.close());

/**
 * Identity verifies its own tokens, so the made-up people are signed with its own key. Identity
 * grants `canConfigureSystem` to super admins alone, so whoever holds it is signed as one.
 */
const tokenFor = (person: TestPerson) =>
  signedAs(
    person.permissions.includes('canConfigureSystem')
      ? { ...person, adminRole: 'super_admin' }
      : person,
  );

const signedAs = (person: TestPerson) => harness.people.signedAs(person);

describe('every admin procedure of identity', () => {
  it('needs its permission: users canManageUsers, managing admins canConfigureSystem, two-factor, sign-up stats and account names any admin', () => {
    const permissions = Object.fromEntries(
      adminProceduresOf(createIdentityRouter(harness.service.deps)).map((procedure) => [
        procedure.path,
        procedure.permission,
      ]),
    );
    expect(permissions).toEqual({
      'identity.twoFactor.status': undefined,
      'identity.twoFactor.regenerateRecoveryCodes': undefined,
      'identity.users.search': 'canManageUsers',
      'identity.users.get': 'canManageUsers',
      'identity.users.suspend': 'canManageUsers',
      'identity.users.reactivate': 'canManageUsers',
      'identity.admin.create': 'canConfigureSystem',
      'identity.admin.signupStats': undefined,
      'identity.admin.namesByIds': undefined,
      'identity.admin.update': 'canConfigureSystem',
      'identity.admin.resetTwoFactor': 'canConfigureSystem',
    });
  });

  it('lets an admin with its permission past authorization, and no one else', async () => {
    const { checked, mismatches } = await checkAdminAuthorization({
      router: createIdentityRouter(harness.service.deps),
      url: harness.url,
      tokenFor,
    });
    expect(checked).toHaveLength(11);
    expect(mismatches).toEqual([]);
  });

  it('refuses managing admins to anyone but a super admin, even one whose token carries canConfigureSystem', async () => {
    const notSuper = adminWith('canConfigureSystem', 'canManageUsers');
    expect(notSuper.adminRole).toBe('admin');
    const token = await signedAs(notSuper);
    const client = harness.client(() => ({ authorization: `Bearer ${token}` }));
    const userId = notSuper.userId;
    const refusals = await Promise.all([
      failure(
        client.identity.admin.create.mutate({
          email: 'new-admin@example.com',
          password: 'a strong password 1',
          username: 'newadmin',
          firstName: 'New',
          lastName: 'Admin',
          adminRole: 'support',
        }),
      ),
      failure(
        client.identity.admin.update.mutate({
          userId,
          adminRole: 'support',
          permissions: [],
          reason: 'Fewer duties',
        }),
      ),
      failure(client.identity.admin.resetTwoFactor.mutate({ userId, reason: 'lost phone' })),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ code: 'FORBIDDEN', reason: 'super_admin_required' });
    }
  });
});

describe('every signed-in procedure of identity (any role, on their own account)', () => {
  const signedInProcedures = () =>
    proceduresOf(createIdentityRouter(harness.service.deps)).filter(
      ({ def }) => def.meta?.access === 'authed',
    );

  it('is the account itself: me and the settings page', () => {
    expect(signedInProcedures().map(({ path }) => path)).toEqual([
      'identity.account.changePassword',
      'identity.account.get',
      'identity.account.signOutOtherSessions',
      'identity.me',
    ]);
  });

  it('refuses anyone not signed in and lets a brand, a streamer and an admin past authorization', async () => {
    const cast = testCast();
    const callers = [
      { who: 'anonymous', person: undefined },
      { who: 'brand', person: cast.brandA },
      { who: 'streamer', person: cast.streamerA },
      { who: 'admin', person: adminWith() },
    ];
    const rows = [];
    for (const { path, def } of signedInProcedures()) {
      for (const caller of callers) {
        const token = caller.person ? await signedAs(caller.person) : undefined;
        const { status } = await callProcedure(harness.url, {
          path,
          type: def.type === 'query' ? 'query' : 'mutation',
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        rows.push({ path, who: caller.who, status });
      }
    }
    const mismatches = rows.filter((row) =>
      row.who === 'anonymous' ? row.status !== 401 : row.status === 401 || row.status === 403,
    );
    expect(mismatches).toEqual([]);
    expect(rows).toHaveLength(16);
  });
});

/** Each procedure called without input by each caller: how far authorization let them. */
async function statusesOf(
  procedures: ReturnType<typeof proceduresOf>,
  callers: Array<{ who: string; headers: () => Promise<Record<string, string>> }>,
) {
  const rows = [];
  for (const { path, def } of procedures) {
    for (const caller of callers) {
      const { status } = await callProcedure(harness.url, {
        path,
        type: def.type === 'query' ? 'query' : 'mutation',
        headers: await caller.headers(),
      });
      rows.push({ path, who: caller.who, status });
    }
  }
  return rows;
}

/** Nobody signed in gets a 401, the rightful caller gets past authorization, everyone else a 403. */
const admitsOnly = (rightful: string, row: { who: string; status: number }) =>
  row.who === 'anonymous'
    ? row.status === 401
    : row.who === rightful
      ? row.status !== 401 && row.status !== 403
      : row.status === 403;

describe('every internal procedure of identity (other services only)', () => {
  const internalProcedures = () =>
    proceduresOf(createIdentityRouter(harness.service.deps)).filter(
      ({ def }) => def.meta?.access === 'internal',
    );

  it('is the sign-in and fixture calls, and what the notification service asks when it mails', () => {
    expect(internalProcedures().map(({ path }) => path)).toEqual([
      'identity.internal.emailRecipients',
      'identity.internal.mailLink',
      'identity.oauthSignIn',
      'identity.seedDemoUser',
    ]);
  });

  it('refuses anyone not signed in and every person, an admin too; lets a service past authorization', async () => {
    const cast = testCast();
    const callers = [
      { who: 'anonymous', headers: () => Promise.resolve({}) },
      { who: 'brand', headers: async () => ({ authorization: `Bearer ${await signedAs(cast.brandA)}` }) },
      { who: 'streamer', headers: async () => ({ authorization: `Bearer ${await signedAs(cast.streamerA)}` }) },
      {
        who: 'super admin',
        headers: async () => ({ authorization: `Bearer ${await tokenFor(adminWith('canConfigureSystem'))}` }),
      },
      { who: 'service', headers: async () => ({ 'x-service-token': await signServiceToken(testServiceSecret, 'notification') }) },
    ];
    const rows = await statusesOf(internalProcedures(), callers);
    const mismatches = rows.filter((row) => !admitsOnly('service', row));
    expect(mismatches).toEqual([]);
    expect(rows).toHaveLength(20);
  });
});

describe('every legacy import procedure of identity (the legacy importer only)', () => {
  const importProcedures = () =>
    proceduresOf(createIdentityRouter(harness.service.deps)).filter(
      ({ def }) => def.meta?.access === 'legacy_import',
    );

  it('is the account import and its lookup', () => {
    expect(importProcedures().map(({ path }) => path)).toEqual([
      'identity.legacyImport.account',
      'identity.legacyImport.accountsByLegacyIds',
    ]);
  });

  it('refuses anyone not signed in, every person and every other service; lets the importer past authorization', async () => {
    const cast = testCast();
    const serviceToken = (service: string) => async () => ({ 'x-service-token': await signServiceToken(testServiceSecret, service) });
    const callers = [
      { who: 'anonymous', headers: () => Promise.resolve({}) },
      { who: 'streamer', headers: async () => ({ authorization: `Bearer ${await signedAs(cast.streamerA)}` }) },
      {
        who: 'super admin',
        headers: async () => ({ authorization: `Bearer ${await tokenFor(adminWith('canConfigureSystem'))}` }),
      },
      { who: 'another service', headers: serviceToken('notification') },
      { who: 'importer', headers: serviceToken(LEGACY_IMPORTER_SERVICE) },
    ];
    const rows = await statusesOf(importProcedures(), callers);
    const mismatches = rows.filter((row) => !admitsOnly('importer', row));
    expect(mismatches).toEqual([]);
    expect(rows).toHaveLength(10);
  });
});
