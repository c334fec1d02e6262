import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enrolAdmin, failure, fixedClock, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness } from './testing/identity-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
let harness: IdentityHarness;
let superAdminToken: string;
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

beforeAll(async () => {
  harness = await startIdentityHarness({ now: clock.now });
  superAdminToken = (await harness.people.signInRootAdmin()).token;
});
afterAll(() => harness?.close());

const as = (accessToken?: string) => harness.people.as(accessToken);
const newAdmin = (overrides: Record<string, unknown> = {}) => harness.people.adminInput(overrides);
const claimsOf = (accessToken: string) => harness.people.claimsOf(accessToken);

describe('identity.admin.create', { timeout: 120_000 }, () => {
  it('creates an admin whose access token carries exactly the chosen role and flags', async () => {
    const input = newAdmin({ permissions: ['canVerifyBrands'] });
    const created = await as(superAdminToken).identity.admin.create.mutate(input);
    expect(created).toMatchObject({
      email: input.email,
      adminRole: 'moderator',
      permissions: ['canVerifyBrands'],
    });

    const { tokens: session } = await enrolAdmin(harness.client(), input, clock.now);
    expect(session.user).toMatchObject({ role: 'admin', adminRole: 'moderator' });
    expect(await claimsOf(session.accessToken)).toMatchObject({
      sub: created.userId,
      role: 'admin',
      adminRole: 'moderator',
      permissions: ['canVerifyBrands'],
    });
    expect(await as(session.accessToken).identity.me.query()).toMatchObject({
      role: 'admin',
      adminRole: 'moderator',
      permissions: ['canVerifyBrands'],
      emailVerified: true,
    });
  });

  it('records the creation as one admin action, personal details beside it', async () => {
    const input = newAdmin({ permissions: ['canVerifyBrands', 'canModerateContent'] });
    const created = await as(superAdminToken).identity.admin.create.mutate(input);
    const records = await harness.service.deps.db.outboxEvent.findMany({
      where: {
        type: 'admin.action_recorded',
        payload: { path: ['subject', 'id'], equals: created.userId },
      },
    });
    expect(records.map((record) => record.payload)).toEqual([
      expect.objectContaining({
        permission: 'canConfigureSystem',
        action: 'identity.admin.create',
        subject: { type: 'admin', id: created.userId },
        before: null,
        after: { adminRole: 'moderator', permissions: ['canVerifyBrands', 'canModerateContent'] },
        personal: { email: input.email, username: input.username, name: 'Grace Hopper' },
      }),
    ]);
  });

  it('grants the role’s default flags when none are chosen, and none when the list is empty', async () => {
    const defaults = await as(superAdminToken).identity.admin.create.mutate(
      newAdmin({ adminRole: 'support' }),
    );
    expect(defaults.permissions).toEqual(['canManageDisputes']);
    const powerless = await as(superAdminToken).identity.admin.create.mutate(
      newAdmin({ adminRole: 'admin', permissions: [] }),
    );
    expect(powerless.permissions).toEqual([]);
  });

  it('is for super admins only: anonymous 401, brands, streamers and other admins 403', async () => {
    const admin = newAdmin({ adminRole: 'admin' });
    await as(superAdminToken).identity.admin.create.mutate(admin);
    const adminToken = (await enrolAdmin(harness.client(), admin, clock.now)).tokens.accessToken;
    const streamerToken = (await harness.people.signedInPerson('streamer')).session.accessToken;

    const attempt = () => newAdmin({ adminRole: 'super_admin' });
    expect(await failure(as().identity.admin.create.mutate(attempt()))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    for (const token of [streamerToken, adminToken]) {
      expect(await failure(as(token).identity.admin.create.mutate(attempt()))).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const attempted = attempt();
    await failure(as(adminToken).identity.admin.create.mutate(attempted));
    expect(await harness.service.deps.db.user.count({ where: { email: attempted.email } })).toBe(0);
  });

  it('refuses flags beyond the role, repeated flags, unknown roles and bad text with field errors', async () => {
    const create = (input: Record<string, unknown>) =>
      failure(as(superAdminToken).identity.admin.create.mutate(input as never));
    expect(
      await create(newAdmin({ adminRole: 'moderator', permissions: ['canConfigureSystem'] })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { permissions: [expect.stringContaining('cannot hold canConfigureSystem')] },
    });
    expect(
      await create(newAdmin({ permissions: ['canVerifyBrands', 'canVerifyBrands'] })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { permissions: [expect.stringContaining('once')] },
    });
    expect(await create(newAdmin({ adminRole: 'owner' }))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await create(newAdmin({ firstName: 'Gr\u0000ace' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { firstName: [expect.any(String)] },
    });
    const taken = newAdmin();
    await as(superAdminToken).identity.admin.create.mutate(taken);
    expect(await create({ ...taken, username: 'someone-else' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'admin_exists',
    });
  });
});

describe('the create-admin command', () => {
  it('creates an admin with the chosen role and flags, and refuses flags beyond the role', async () => {
    // Asynchronously: the service under test runs in this process and must keep answering.
    const run = (args: string[]) =>
      promisify(execFile)('pnpm', ['--silent', 'create-admin', '--', ...args], {
        cwd: packageDir,
        env: { ...process.env, DATABASE_URL: harness.config.DATABASE_URL },
      });
    const base = [
      '--email',
      'cli-admin@example.com',
      '--password',
      'a strong cli password',
      '--username',
      'cliadmin',
      '--first-name',
      'Ada',
      '--last-name',
      'Lovelace',
    ];
    await expect(
      run([...base, '--role', 'support', '--permissions', 'canManageUsers']),
    ).rejects.toThrow(/cannot hold canManageUsers/);
    await run([
      ...base,
      '--role',
      'moderator',
      '--permissions',
      'canVerifyStreamers,canModerateContent',
    ]);

    const { tokens: session } = await enrolAdmin(
      harness.client(),
      { email: 'cli-admin@example.com', password: 'a strong cli password' },
      clock.now,
    );
    expect(await claimsOf(session.accessToken)).toMatchObject({
      adminRole: 'moderator',
      permissions: ['canVerifyStreamers', 'canModerateContent'],
    });
  }, 180_000);
});
