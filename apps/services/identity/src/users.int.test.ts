import { failure, fixedClock, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness } from './testing/identity-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
let harness: IdentityHarness;
let root: { userId: string; token: string };

beforeAll(async () => {
  harness = await startIdentityHarness({ now: clock.now });
  root = await harness.people.signInRootAdmin();
});
afterAll(() => harness?.close());

const as = (accessToken: string) => harness.people.as(accessToken);
const signedInPerson = (role: 'brand' | 'streamer') => harness.people.signedInPerson(role);
const newAdmin = (
  adminRole: 'super_admin' | 'admin',
  permissions?: Array<'canManageUsers' | 'canVerifyBrands'>,
) => harness.people.enrolledAdmin(root.token, { adminRole, ...(permissions ? { permissions } : {}) });
const auditOf = (action: string, subjectId: string) => harness.people.auditOf(action, subjectId);

describe('users: search and view', { timeout: 180_000 }, () => {
  it('searches by email or name, role and status, newest first, in keyset pages', async () => {
    const brand = await signedInPerson('brand');
    const streamer = await signedInPerson('streamer');
    const all = await as(root.token).identity.users.search.query({ limit: 100 });
    expect(all.items.map((user) => user.email)).toEqual(
      expect.arrayContaining([brand.email, streamer.email, 'root@example.com']),
    );
    const brands = await as(root.token).identity.users.search.query({ role: 'brand' });
    expect(brands.items.every((user) => user.role === 'brand')).toBe(true);
    const byName = await as(root.token).identity.users.search.query({
      search: streamer.name.toUpperCase(),
    });
    expect(byName.items.map((user) => user.id)).toEqual([streamer.userId]);

    const first = await as(root.token).identity.users.search.query({ limit: 1, sort: 'oldest' });
    expect(first.items[0]?.email).toBe('root@example.com');
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await as(root.token).identity.users.search.query({
      limit: 1,
      sort: 'oldest',
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect(
      await failure(
        as(root.token).identity.users.search.query({
          sort: 'newest',
          cursor: first.nextCursor ?? '',
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });

    const viewed = await as(root.token).identity.users.get.query({ userId: root.userId });
    expect(viewed).toMatchObject({
      role: 'admin',
      status: 'active',
      admin: { adminRole: 'super_admin', twoFactorEnabled: true },
    });
    expect(JSON.stringify(viewed)).not.toMatch(/passwordHash|totpSecret/);
  });
});

describe('suspension', { timeout: 180_000 }, () => {
  it('ends every session at once, refuses sign-in and refresh, and tells the overlay', async () => {
    const streamer = await signedInPerson('streamer');
    const suspended = await as(root.token).identity.users.suspend.mutate({
      userId: streamer.userId,
      reason: 'Repeated fraudulent clicks',
    });
    expect(suspended).toMatchObject({
      status: 'suspended',
      suspendedReason: 'Repeated fraudulent clicks',
    });

    expect(
      await failure(
        harness.client().identity.refresh.mutate({ refreshToken: streamer.session.refreshToken }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'account_suspended' });
    expect(
      await failure(
        harness.client().identity.login.mutate({
          email: streamer.email,
          password: streamer.password,
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'account_suspended',
    });
    // The access token still in hand no longer reads the account.
    expect(await failure(as(streamer.session.accessToken).identity.me.query())).toMatchObject({
      reason: 'account_suspended',
    });

    const events = await harness.service.deps.db.outboxEvent.findMany({
      where: { type: 'user.suspended', payload: { path: ['userId'], equals: streamer.userId } },
    });
    expect(events.map((event) => event.payload)).toEqual([
      expect.objectContaining({ userId: streamer.userId, role: 'streamer' }),
    ]);
    expect(await auditOf('identity.user.suspend', streamer.userId)).toEqual([
      expect.objectContaining({
        permission: 'canManageUsers',
        reason: 'Repeated fraudulent clicks',
        before: { status: 'active' },
        after: { status: 'suspended' },
      }),
    ]);

    await as(root.token).identity.users.reactivate.mutate({
      userId: streamer.userId,
      reason: 'Cleared after review',
    });
    await expect(
      harness.client().identity.login.mutate({
        email: streamer.email,
        password: streamer.password,
      }),
    ).resolves.toMatchObject({ user: { id: streamer.userId } });
    expect(
      await harness.service.deps.db.outboxEvent.count({
        where: { type: 'user.reactivated', payload: { path: ['userId'], equals: streamer.userId } },
      }),
    ).toBe(1);
  });

  it('takes a super admin to suspend an admin, and nobody suspends themselves', async () => {
    const manager = await newAdmin('admin', ['canManageUsers']);
    const other = await newAdmin('admin', ['canVerifyBrands']);
    expect(
      await failure(
        as(manager.token).identity.users.suspend.mutate({
          userId: other.userId,
          reason: 'Left the company',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'super_admin_required' });
    expect(
      await failure(
        as(root.token).identity.users.suspend.mutate({
          userId: root.userId,
          reason: 'Testing myself',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'cannot_change_own_status' });
    await expect(
      as(root.token).identity.users.suspend.mutate({
        userId: other.userId,
        reason: 'Left the company',
      }),
    ).resolves.toMatchObject({ status: 'suspended' });
    expect(await auditOf('identity.user.suspend', other.userId)).toEqual([
      expect.objectContaining({
        permission: 'canConfigureSystem',
        subject: { type: 'admin', id: other.userId },
      }),
    ]);
  });
});

describe('admins: role and flags, and the last super admin', { timeout: 180_000 }, () => {
  it('changes an admin’s role and flags, audited; refuses flags beyond the role', async () => {
    const admin = await newAdmin('admin', ['canVerifyBrands']);
    const updated = await as(root.token).identity.admin.update.mutate({
      userId: admin.userId,
      adminRole: 'moderator',
      permissions: ['canModerateContent'],
      reason: 'Moves to moderation',
    });
    expect(updated.admin).toMatchObject({
      adminRole: 'moderator',
      permissions: ['canModerateContent'],
    });
    expect(await auditOf('identity.admin.update', admin.userId)).toEqual([
      expect.objectContaining({
        before: { adminRole: 'admin', permissions: ['canVerifyBrands'] },
        after: { adminRole: 'moderator', permissions: ['canModerateContent'] },
        reason: 'Moves to moderation',
      }),
    ]);
    expect(
      await failure(
        as(root.token).identity.admin.update.mutate({
          userId: admin.userId,
          adminRole: 'moderator',
          permissions: ['canConfigureSystem'],
          reason: 'Too much power',
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('never removes the last active super admin, even when two demote each other at once', async () => {
    const demoteRoot = () =>
      as(root.token).identity.admin.update.mutate({
        userId: root.userId,
        adminRole: 'admin',
        permissions: [],
        reason: 'Stepping down',
      });
    expect(await failure(demoteRoot())).toMatchObject({
      code: 'CONFLICT',
      reason: 'last_super_admin',
    });

    const second = await newAdmin('super_admin');
    const results = await Promise.allSettled([
      as(second.token).identity.admin.update.mutate({
        userId: root.userId,
        adminRole: 'admin',
        permissions: [],
        reason: 'Stepping down',
      }),
      as(root.token).identity.users.suspend.mutate({
        userId: second.userId,
        reason: 'Race for the crown',
      }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const superAdmins = await harness.service.deps.db.adminProfile.count({
      where: { adminRole: 'super_admin', user: { isActive: true } },
    });
    expect(superAdmins).toBe(1);
  });
});
