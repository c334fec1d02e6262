import { fixedClock, testInstants } from '@gametriggers/testing';
import { LEGACY_IMPORTER_SERVICE } from '@gametriggers/tokens';
import { createServiceClient } from '@gametriggers/trpc';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRouter } from './router';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness, testServiceSecret } from './testing/identity-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
let harness: IdentityHarness;
let importer: ReturnType<typeof createServiceClient<IdentityRouter>>;
const OLD_PASSWORD = 'OldPlatform!2025';
const oldHash = bcrypt.hashSync(OLD_PASSWORD, 4);

beforeAll(async () => {
  harness = await startIdentityHarness({ now: clock.now });
  importer = createServiceClient<IdentityRouter>({
    url: harness.url,
    secret: testServiceSecret,
    caller: LEGACY_IMPORTER_SERVICE,
  });
});
afterAll(() => harness?.close());

const legacyAccount = (
  n: number,
  overrides: Partial<Parameters<typeof importer.identity.legacyImport.account.mutate>[0]> = {},
) => ({
  legacyId: `a1${n.toString(16).padStart(22, '0')}`,
  email: `legacy${n}@legacy.example`,
  name: `Legacy ${n}`,
  role: 'streamer' as const,
  legacyPasswordHash: oldHash,
  needsPasswordReset: false,
  oauthLinks: [],
  suspended: false,
  createdAt: new Date('2025-02-03T10:00:00Z'),
  ...overrides,
});

const login = (email: string, password: string) =>
  harness.client().identity.login.mutate({ email, password });

describe('importing the old platform’s accounts', () => {
  it('signs an imported person in with their old password once, then with identity’s own hash', async () => {
    const { userId, outcome } = await importer.identity.legacyImport.account.mutate(
      legacyAccount(1),
    );
    expect(outcome).toBe('created');
    await expect(login('legacy1@legacy.example', 'not the password')).rejects.toThrow(
      'Email or password is incorrect.',
    );

    const tokens = await login('legacy1@legacy.example', OLD_PASSWORD);
    expect(tokens.accessToken).toEqual(expect.any(String));
    const user = await harness.service.deps.db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { legacyAccount: true },
    });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.legacyAccount?.legacyPasswordHash).toBeNull();
    expect(user.createdAt).toEqual(new Date('2025-02-03T10:00:00Z'));
    await expect(login('legacy1@legacy.example', OLD_PASSWORD)).resolves.toMatchObject({
      accessToken: expect.any(String) as string,
    });
  });

  it('creates nothing twice and brings an imported account level with a later export', async () => {
    const first = await importer.identity.legacyImport.account.mutate(legacyAccount(2));
    await expect(importer.identity.legacyImport.account.mutate(legacyAccount(2))).resolves.toEqual({
      userId: first.userId,
      outcome: 'unchanged',
    });
    await expect(
      importer.identity.legacyImport.account.mutate(
        legacyAccount(2, {
          name: 'Renamed',
          oauthLinks: [{ provider: 'twitch', providerAccountId: 'tw-2' }],
        }),
      ),
    ).resolves.toEqual({ userId: first.userId, outcome: 'updated' });
    const user = await harness.service.deps.db.user.findUniqueOrThrow({
      where: { id: first.userId },
      include: { accounts: true },
    });
    expect(user.name).toBe('Renamed');
    expect(
      user.accounts.map(({ provider, providerAccountId }) => ({ provider, providerAccountId })),
    ).toEqual([{ provider: 'twitch', providerAccountId: 'tw-2' }]);
    await expect(
      importer.identity.legacyImport.accountsByLegacyIds.query({
        legacyIds: [legacyAccount(2).legacyId, legacyAccount(999).legacyId],
      }),
    ).resolves.toEqual([
      { legacyId: legacyAccount(2).legacyId, userId: first.userId, role: 'streamer' },
    ]);
  });

  it('mirrors a suspension made on the old platform, ending the sessions', async () => {
    const { userId } = await importer.identity.legacyImport.account.mutate(legacyAccount(3));
    const { refreshToken } = await login('legacy3@legacy.example', OLD_PASSWORD);
    await expect(
      importer.identity.legacyImport.account.mutate(legacyAccount(3, { suspended: true })),
    ).resolves.toMatchObject({ outcome: 'updated' });
    await expect(harness.client().identity.refresh.mutate({ refreshToken })).rejects.toThrow();
    const events = await harness.service.deps.db.outboxEvent.findMany({
      where: { type: 'user.suspended', payload: { path: ['userId'], equals: userId } },
    });
    expect(events).toHaveLength(1);
  });

  it('mails a reset link to a person whose old password cannot be checked, once', async () => {
    const account = legacyAccount(4, { legacyPasswordHash: null, needsPasswordReset: true });
    await importer.identity.legacyImport.account.mutate(account);
    await importer.identity.legacyImport.account.mutate(account);
    const requests = await harness.service.deps.db.outboxEvent.count({
      where: {
        type: 'user.password_reset_requested',
        payload: { path: ['email'], equals: account.email },
      },
    });
    expect(requests).toBe(1);
    const token = await harness.linkTokenFor(account.email, 'password_reset');
    await harness
      .client()
      .identity.resetPassword.mutate({ token, password: 'A new one for 2026!' });
    await expect(login(account.email, 'A new one for 2026!')).resolves.toMatchObject({
      accessToken: expect.any(String) as string,
    });
  });

  it('refuses an old account whose email or OAuth account is already someone else’s here', async () => {
    await harness
      .client()
      .identity.register.mutate({
        email: 'taken@legacy.example',
        password: 'Registered!2026x',
        role: 'brand',
      });
    await expect(
      importer.identity.legacyImport.account.mutate(
        legacyAccount(5, { email: 'taken@legacy.example' }),
      ),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
      message: 'An account with this email already exists on the platform.',
    });
    await importer.identity.legacyImport.account.mutate(
      legacyAccount(6, { oauthLinks: [{ provider: 'twitch', providerAccountId: 'tw-6' }] }),
    );
    await expect(
      importer.identity.legacyImport.account.mutate(
        legacyAccount(7, { oauthLinks: [{ provider: 'twitch', providerAccountId: 'tw-6' }] }),
      ),
    ).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
    await expect(
      importer.identity.legacyImport.accountsByLegacyIds.query({
        legacyIds: [legacyAccount(5).legacyId, legacyAccount(7).legacyId],
      }),
    ).resolves.toEqual([]);
  });
});
