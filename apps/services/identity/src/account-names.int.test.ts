import { signServiceToken } from '@gametriggers/tokens';
import { enrolAdmin, failure, fixedClock, signInAdminWithTotp } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness, testServiceSecret } from './testing/identity-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
let harness: IdentityHarness;
let supportToken: string;
let brandToken: string;
const ids: Record<'root' | 'support' | 'brand' | 'streamer', string> = {
  root: '',
  support: '',
  brand: '',
  streamer: '',
};

const as = (accessToken: string) =>
  harness.client(() => ({ authorization: `Bearer ${accessToken}` }));

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
  const streamer = { email: 'nina@example.com', password: 'a strong password 3' };
  ids.root = (
    await service.identity.seedDemoUser.mutate({ ...root, name: 'Root', role: 'admin' })
  ).userId;
  ids.brand = (
    await service.identity.seedDemoUser.mutate({ ...brand, name: 'Acme', role: 'brand' })
  ).userId;
  ids.streamer = (
    await service.identity.seedDemoUser.mutate({ ...streamer, name: 'Nina', role: 'streamer' })
  ).userId;
  const rootToken = (await signInAdminWithTotp(harness.client(), root, clock.now)).accessToken;
  const support = { email: 'support@example.com', password: 'another strong password' };
  ids.support = (
    await as(rootToken).identity.admin.create.mutate({
      ...support,
      username: 'support',
      firstName: 'Ada',
      lastName: 'Lovelace',
      adminRole: 'support',
      permissions: [],
    })
  ).userId;
  supportToken = (await enrolAdmin(harness.client(), support, clock.now)).tokens.accessToken;
  brandToken = (await harness.client().identity.login.mutate(brand)).accessToken;
});
afterAll(() => harness?.close());

describe('identity.admin.namesByIds', () => {
  it('names admins by first and last name and other accounts by their own name, to any admin', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const names = await as(supportToken).identity.admin.namesByIds.query({
      userIds: [ids.support, ids.brand, ids.streamer, ids.brand, unknown],
    });
    expect(names.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { userId: ids.brand, role: 'brand', name: 'Acme', email: 'acme@example.com' },
      { userId: ids.streamer, role: 'streamer', name: 'Nina', email: 'nina@example.com' },
      { userId: ids.support, role: 'admin', name: 'Ada Lovelace', email: 'support@example.com' },
    ]);
  });

  it('answers an empty page with nothing, and refuses a brand', async () => {
    expect(await as(supportToken).identity.admin.namesByIds.query({ userIds: [] })).toEqual([]);
    expect(
      await failure(as(brandToken).identity.admin.namesByIds.query({ userIds: [ids.root] })),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
