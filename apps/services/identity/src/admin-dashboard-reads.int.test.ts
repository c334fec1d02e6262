import { signServiceToken } from '@gametriggers/tokens';
import { enrolAdmin, failure, fixedClock, signInAdminWithTotp } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness, testServiceSecret } from './testing/identity-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
let harness: IdentityHarness;
let supportToken: string;
let brandToken: string;
const ids = { brand: '', support: '', streamer: '' };

const as = (accessToken: string) =>
  harness.client(() => ({ authorization: `Bearer ${accessToken}` }));

let counter = 0;
function accountCreatedAt(role: 'brand' | 'streamer' | 'admin', createdAt: string) {
  counter += 1;
  return harness.service.deps.db.user.create({
    data: { email: `${role}-${counter}@example.com`, role, createdAt: new Date(createdAt) },
  });
}

beforeAll(async () => {
  harness = await startIdentityHarness({ now: clock.now });
  const serviceToken = await signServiceToken(testServiceSecret, 'test');
  const service = harness.client(() => ({ 'x-service-token': serviceToken }));
  const root = {
    email: 'root@example.com',
    password: 'a strong password 1',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  };
  const brand = { email: 'acme@example.com', password: 'a strong password 2' };
  await service.identity.seedDemoUser.mutate({ ...root, name: 'Root', role: 'admin' });
  ids.brand = (
    await service.identity.seedDemoUser.mutate({ ...brand, name: 'Acme', role: 'brand' })
  ).userId;
  const rootToken = (await signInAdminWithTotp(harness.client(), root, clock.now)).accessToken;
  const support = { email: 'support@example.com', password: 'another strong password' };
  const created = await as(rootToken).identity.admin.create.mutate({
    ...support,
    username: 'support',
    firstName: 'Ada',
    lastName: 'Lovelace',
    adminRole: 'support',
    permissions: [],
  });
  ids.support = created.userId;
  supportToken = (await enrolAdmin(harness.client(), support, clock.now)).tokens.accessToken;
  brandToken = (await harness.client().identity.login.mutate(brand)).accessToken;
  // The seeded accounts above carry the wall clock's time; these are placed on the test's.
  await harness.service.deps.db.user.updateMany({
    data: { createdAt: new Date('2026-01-01T00:00:00Z') },
  });
  await accountCreatedAt('brand', '2026-02-27T12:00:00Z');
  await accountCreatedAt('brand', '2026-03-02T09:00:00Z');
  ids.streamer = (await accountCreatedAt('streamer', '2026-03-02T23:59:59Z')).id;
  await accountCreatedAt('streamer', '2026-03-03T00:00:00Z');
  await accountCreatedAt('streamer', '2026-03-09T10:00:00Z');
  await accountCreatedAt('admin', '2026-03-04T10:00:00Z');
  await accountCreatedAt('streamer', '2026-03-11T10:00:00Z');
});
afterAll(() => harness?.close());

describe('identity.admin.signupStats', () => {
  it('counts brand and streamer sign-ups per day, in the window and in all, to any admin', async () => {
    const stats = await as(supportToken).identity.admin.signupStats.query({
      from: new Date('2026-03-01T00:00:00Z'),
      to: clock.now(),
    });
    expect(stats).toEqual({
      // Acme (January) and two brands since; four streamers before `to`.
      total: { brands: 3, streamers: 3 },
      inRange: { brands: 1, streamers: 3 },
      series: [
        { bucketStart: new Date('2026-03-02T00:00:00Z'), brands: 1, streamers: 1 },
        { bucketStart: new Date('2026-03-03T00:00:00Z'), brands: 0, streamers: 1 },
        { bucketStart: new Date('2026-03-09T00:00:00Z'), brands: 0, streamers: 1 },
      ],
    });
  });

  it('buckets by week (from Monday) and by month', async () => {
    const window = { from: new Date('2026-02-01T00:00:00Z'), to: clock.now() };
    const weekly = await as(supportToken).identity.admin.signupStats.query({
      ...window,
      granularity: 'week',
    });
    expect(weekly.series).toEqual([
      { bucketStart: new Date('2026-02-23T00:00:00Z'), brands: 1, streamers: 0 },
      { bucketStart: new Date('2026-03-02T00:00:00Z'), brands: 1, streamers: 2 },
      { bucketStart: new Date('2026-03-09T00:00:00Z'), brands: 0, streamers: 1 },
    ]);
    const monthly = await as(supportToken).identity.admin.signupStats.query({
      ...window,
      granularity: 'month',
    });
    expect(monthly.series).toEqual([
      { bucketStart: new Date('2026-02-01T00:00:00Z'), brands: 1, streamers: 0 },
      { bucketStart: new Date('2026-03-01T00:00:00Z'), brands: 1, streamers: 3 },
    ]);
  });

  it('is for admins only', async () => {
    const refused = await failure(
      as(brandToken).identity.admin.signupStats.query({
        from: new Date('2026-03-01T00:00:00Z'),
        to: clock.now(),
      }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('identity.admin.namesByIds', () => {
  it('names admins by first and last name and other accounts by their own name, to any admin', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const names = await as(supportToken).identity.admin.namesByIds.query({
      userIds: [ids.support, ids.brand, ids.streamer, ids.brand, unknown],
    });
    expect(names.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { userId: ids.brand, role: 'brand', name: 'Acme', email: 'acme@example.com' },
      { userId: ids.streamer, role: 'streamer', name: null, email: 'streamer-3@example.com' },
      { userId: ids.support, role: 'admin', name: 'Ada Lovelace', email: 'support@example.com' },
    ]);
    expect(await as(supportToken).identity.admin.namesByIds.query({ userIds: [] })).toEqual([]);
  });

  it('is for admins only', async () => {
    const refused = await failure(
      as(brandToken).identity.admin.namesByIds.query({ userIds: [ids.brand] }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});
