import { signServiceToken } from '@gametriggers/tokens';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import { enrolAdmin, eventually, failure, fixedClock, scrapeMetric, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness, testServiceSecret } from './testing/identity-harness';

let harness: IdentityHarness;
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  harness = await startIdentityHarness({ now: clock.now });
});
afterAll(() => harness.close());

let counter = 0;
function uniqueEmail(label: string) {
  counter += 1;
  return `${label}.${counter}@example.com`;
}

async function registerVerified(role: 'brand' | 'streamer', password = 'a strong password 1') {
  const email = uniqueEmail(role);
  const anon = harness.client();
  await anon.identity.register.mutate({ email, password, role });
  const token = await harness.linkTokenFor(email, 'email_verification');
  await anon.identity.verifyEmail.mutate({ token });
  return { email, password };
}

function bearer(accessToken: string) {
  return harness.client(() => ({ authorization: `Bearer ${accessToken}` }));
}

describe('sign-up, verification and sign-in', () => {
  it('registers, mails a verification link, verifies and signs in', async () => {
    const email = uniqueEmail('Brand');
    const anon = harness.client();
    const registered = await anon.identity.register.mutate({
      email: `  ${email.toUpperCase()} `,
      password: 'a strong password 1',
      role: 'brand',
      name: 'Acme Games',
    });
    expect(registered).toMatchObject({ email: email.toLowerCase(), role: 'brand' });

    const beforeVerify = await failure(
      anon.identity.login.mutate({ email, password: 'a strong password 1' }),
    );
    expect(beforeVerify).toMatchObject({ code: 'FORBIDDEN', reason: 'email_not_verified' });

    const token = await harness.linkTokenFor(email.toLowerCase(), 'email_verification');
    await expect(anon.identity.verifyEmail.mutate({ token })).resolves.toMatchObject({
      role: 'brand',
    });
    const reused = await failure(anon.identity.verifyEmail.mutate({ token }));
    expect(reused).toMatchObject({ code: 'BAD_REQUEST', reason: 'link_invalid' });

    const session = await anon.identity.login.mutate({ email, password: 'a strong password 1' });
    expect(session.user).toMatchObject({
      email: email.toLowerCase(),
      role: 'brand',
      permissions: [],
    });
    expect(session.accessTokenExpiresAt.getTime() - clock.now().getTime()).toBe(15 * 60_000);

    const me = await bearer(session.accessToken).identity.me.query();
    expect(me).toMatchObject({
      email: email.toLowerCase(),
      role: 'brand',
      emailVerified: true,
      name: 'Acme Games',
    });
    expect(me).not.toHaveProperty('passwordHash');
  });

  it('refuses a second account with the same email', async () => {
    const { email } = await registerVerified('streamer');
    const duplicate = await failure(
      harness
        .client()
        .identity.register.mutate({ email, password: 'another password 2', role: 'brand' }),
    );
    expect(duplicate).toMatchObject({ code: 'CONFLICT', reason: 'email_taken' });
  });

  it('says the same thing for an unknown email and a wrong password', async () => {
    const { email } = await registerVerified('brand');
    const wrong = await failure(
      harness.client().identity.login.mutate({ email, password: 'not the password' }),
    );
    const unknown = await failure(
      harness
        .client()
        .identity.login.mutate({ email: uniqueEmail('nobody'), password: 'not the password' }),
    );
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', reason: 'invalid_credentials' });
    expect(unknown.message).toBe(wrong.message);
  });

  it('locks the account after five failures in a row, even for the right password', async () => {
    const { email, password } = await registerVerified('brand');
    const anon = harness.client();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(
        await failure(anon.identity.login.mutate({ email, password: 'wrong password' })),
      ).toMatchObject({
        reason: 'invalid_credentials',
      });
    }
    const locked = await failure(anon.identity.login.mutate({ email, password: 'wrong password' }));
    expect(locked).toMatchObject({ code: 'FORBIDDEN', reason: 'account_locked' });
    expect(locked.message).toMatch(/locked until/);
    const lockedUntil = new Date(String(locked.details?.lockedUntil));
    expect(lockedUntil.getTime() - clock.now().getTime()).toBe(15 * 60_000);

    expect(await failure(anon.identity.login.mutate({ email, password }))).toMatchObject({
      reason: 'account_locked',
    });
  });
});

describe('refresh tokens', () => {
  it('rotates on every use and revokes the family when an old one comes back', async () => {
    const { email, password } = await registerVerified('streamer');
    const anon = harness.client();
    const first = await anon.identity.login.mutate({ email, password });
    const second = await anon.identity.refresh.mutate({ refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await anon.identity.refresh.mutate({ refreshToken: second.refreshToken });

    clock.advance(11_000); // past the reuse leeway
    try {
      const reuse = await failure(
        anon.identity.refresh.mutate({ refreshToken: first.refreshToken }),
      );
      expect(reuse).toMatchObject({ code: 'UNAUTHORIZED', reason: 'refresh_token_reused' });
      // The thief's and the owner's newest tokens are both dead now.
      expect(
        await failure(anon.identity.refresh.mutate({ refreshToken: third.refreshToken })),
      ).toMatchObject({
        reason: 'refresh_token_invalid',
      });
    } finally {
      clock.set(testInstants.newYorkAfternoon);
    }
  });

  it('lets two refreshes race within the leeway without signing the person out', async () => {
    const { email, password } = await registerVerified('brand');
    const anon = harness.client();
    const session = await anon.identity.login.mutate({ email, password });
    const [a, b] = await Promise.all([
      anon.identity.refresh.mutate({ refreshToken: session.refreshToken }),
      anon.identity.refresh.mutate({ refreshToken: session.refreshToken }),
    ]);
    await expect(
      anon.identity.refresh.mutate({ refreshToken: a.refreshToken }),
    ).resolves.toBeTruthy();
    await expect(
      anon.identity.refresh.mutate({ refreshToken: b.refreshToken }),
    ).resolves.toBeTruthy();
  });

  it('logout revokes the session', async () => {
    const { email, password } = await registerVerified('brand');
    const anon = harness.client();
    const session = await anon.identity.login.mutate({ email, password });
    await anon.identity.logout.mutate({ refreshToken: session.refreshToken });
    expect(
      await failure(anon.identity.refresh.mutate({ refreshToken: session.refreshToken })),
    ).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('password reset', () => {
  it('mails a single-use link that sets a new password and ends old sessions', async () => {
    const { email, password } = await registerVerified('streamer');
    const anon = harness.client();
    const session = await anon.identity.login.mutate({ email, password });
    await expect(anon.identity.requestPasswordReset.mutate({ email })).resolves.toEqual({
      sent: true,
    });
    await expect(
      anon.identity.requestPasswordReset.mutate({ email: uniqueEmail('ghost') }),
    ).resolves.toEqual({ sent: true });
    const token = await harness.linkTokenFor(email, 'password_reset');
    await anon.identity.resetPassword.mutate({ token, password: 'a brand new password' });
    expect(
      await failure(anon.identity.resetPassword.mutate({ token, password: 'yet another one!' })),
    ).toMatchObject({
      reason: 'link_invalid',
    });
    expect(
      await failure(anon.identity.refresh.mutate({ refreshToken: session.refreshToken })),
    ).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(
      anon.identity.login.mutate({ email, password: 'a brand new password' }),
    ).resolves.toBeTruthy();
  });
});

describe('signing keys', () => {
  it('publishes a JWKS that verifies tokens across a rotation', async () => {
    const { email, password } = await registerVerified('brand');
    const verifier = createAccessTokenVerifier({
      jwksUrl: harness.jwksUrl,
      issuer: 'gametriggers-identity',
      audience: 'gametriggers',
      now: clock.now,
    });
    const before = await harness.client().identity.login.mutate({ email, password });
    await expect(verifier.verify(before.accessToken)).resolves.toMatchObject({ email });

    await harness.service.deps.keys.rotate();
    const after = await harness.client().identity.login.mutate({ email, password });
    const kidOf = (jwt: string) =>
      (JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString()) as { kid: string })
        .kid;
    expect(kidOf(after.accessToken)).not.toBe(kidOf(before.accessToken));
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the verifier's refetch cooldown
    await expect(verifier.verify(after.accessToken)).resolves.toMatchObject({ email });
    await expect(bearer(before.accessToken).identity.me.query()).resolves.toMatchObject({ email });

    const jwks = (await (await fetch(harness.jwksUrl)).json()) as {
      keys: Array<{ kid: string; d?: string }>;
    };
    expect(jwks.keys.map((key) => key.kid)).toEqual(
      expect.arrayContaining([kidOf(before.accessToken), kidOf(after.accessToken)]),
    );
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);
  });

  it('refuses a token signed by anyone else', async () => {
    const forged = await failure(
      bearer('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln').identity.me.query(),
    );
    expect(forged).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('OAuth sign-in (what next-auth calls)', () => {
  const profile = () => ({
    provider: 'twitch' as const,
    providerAccountId: `twitch-${counter++}`,
    email: uniqueEmail('twitch'),
    emailVerified: true,
    name: 'Streamy',
  });

  it('is refused without a service credential', async () => {
    expect(await failure(harness.client().identity.oauthSignIn.mutate(profile()))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const { email, password } = await registerVerified('brand');
    const session = await harness.client().identity.login.mutate({ email, password });
    expect(
      await failure(bearer(session.accessToken).identity.oauthSignIn.mutate(profile())),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const forged = harness.client(() => ({ 'x-service-token': 'not-a-token' }));
    expect(await failure(forged.identity.oauthSignIn.mutate(profile()))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('creates a streamer for a new Twitch account and finds it again', async () => {
    const token = await signServiceToken(testServiceSecret, 'landing');
    const service = harness.client(() => ({ 'x-service-token': token }));
    const twitch = profile();
    const first = await service.identity.oauthSignIn.mutate(twitch);
    expect(first.user).toMatchObject({ email: twitch.email, role: 'streamer' });
    const again = await service.identity.oauthSignIn.mutate({ ...twitch, role: 'brand' });
    expect(again.user.id).toBe(first.user.id);
    expect(again.user.role).toBe('streamer');
  });

  it('does not link an existing account to an unverified provider email', async () => {
    const { email } = await registerVerified('brand');
    const token = await signServiceToken(testServiceSecret, 'landing');
    const trusted = harness.client(() => ({ 'x-service-token': token }));
    expect(
      await failure(
        trusted.identity.oauthSignIn.mutate({ ...profile(), email, emailVerified: false }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('bad input gets a clear 400 and writes nothing', () => {
  const cases: Array<[string, unknown]> = [
    ['missing fields', {}],
    ['wrong types', { email: 42, password: true, role: 'brand' }],
    [
      'huge strings',
      { email: `${'a'.repeat(100_000)}@x.com`, password: 'p'.repeat(100_000), role: 'brand' },
    ],
    ['an unknown role', { email: 'x@example.com', password: 'a strong password', role: 'admin' }],
    [
      'odd unicode',
      { email: '\u202e\u0000@\ud83d\ude00', password: 'a strong password', role: 'brand' },
    ],
    [
      'SQL-looking text',
      {
        email: 'x\'; DROP TABLE "User"; --@example.com',
        password: 'a strong password',
        role: 'brand',
      },
    ],
  ];
  it.each(cases)('register with %s', async (_label, input) => {
    const error = await failure(harness.client().identity.register.mutate(input as never));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.httpStatus).toBe(400);
    expect(error.message.length).toBeLessThan(2_000);
  });

  it.each([
    ['login', { email: 'not-an-email', password: '' }],
    ['verifyEmail', { token: 'short' }],
    ['resetPassword', { token: 'x'.repeat(40), password: 'short' }],
    ['refresh', { refreshToken: 42 }],
  ] as const)('%s names the field at fault', async (procedure, input) => {
    const call = (
      harness.client().identity[procedure] as { mutate(input: unknown): Promise<unknown> }
    ).mutate(input);
    const error = await failure(call);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/email|token|password|refreshToken/);
  });

  it.each([
    ['resendVerification', { email: 42 }],
    ['requestPasswordReset', { email: "' OR 1=1 --" }],
    ['logout', { refreshToken: '' }],
    [
      'oauthSignIn',
      { provider: 'myspace', providerAccountId: '', email: 'x@example.com', emailVerified: 'yes' },
    ],
    ['seedDemoUser', { email: 'x@example.com', password: 'p', name: '', role: 'root' }],
  ] as const)('%s refuses malformed input with a 400', async (procedure, input) => {
    const token = await signServiceToken(testServiceSecret, 'devstack');
    const service = harness.client(() => ({ 'x-service-token': token }));
    const call = (
      service.identity[procedure] as { mutate(input: unknown): Promise<unknown> }
    ).mutate(input);
    const error = await failure(call);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(
      Object.keys((error as { fieldErrors?: object }).fieldErrors ?? {}).length,
    ).toBeGreaterThan(0);
  });

  it('a refused registration leaves no account behind', async () => {
    const email = uniqueEmail('partial');
    await failure(
      harness.client().identity.register.mutate({ email, password: 'short', role: 'brand' }),
    );
    const count = await harness.service.deps.db.user.count({ where: { email } });
    expect(count).toBe(0);
  });
});

describe('authorization per procedure', () => {
  it('me needs a signed-in caller', async () => {
    expect(await failure(harness.client().identity.me.query())).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('seedDemoUser is for services only', async () => {
    const { email, password } = await registerVerified('streamer');
    const session = await harness.client().identity.login.mutate({ email, password });
    const input = {
      email: uniqueEmail('seed'),
      password: 'a strong password',
      name: 'Seed',
      role: 'admin' as const,
    };
    expect(await failure(harness.client().identity.seedDemoUser.mutate(input))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(
      await failure(bearer(session.accessToken).identity.seedDemoUser.mutate(input)),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const token = await signServiceToken(testServiceSecret, 'devstack');
    const service = harness.client(() => ({ 'x-service-token': token }));
    await expect(service.identity.seedDemoUser.mutate(input)).resolves.toMatchObject({
      created: true,
    });
    await expect(service.identity.seedDemoUser.mutate(input)).resolves.toMatchObject({
      created: false,
    });
    const { tokens: admin } = await enrolAdmin(harness.client(), input, clock.now);
    expect(admin.user).toMatchObject({ role: 'admin', adminRole: 'super_admin' });
    expect(admin.user.permissions).toHaveLength(9);
  });
});

describe('mail links, sent by the notification service', () => {
  const requested = (email: string, type: 'user.email_verification_requested' | 'user.password_reset_requested') =>
    harness.service.deps.db.outboxEvent.findMany({
      where: { type, payload: { path: ['email'], equals: email } },
      orderBy: { occurredAt: 'asc' },
    });
  const mailLink = (linkId: string) => harness.services.identity.internal.mailLink.query({ linkId });

  it('asks for the verification mail with the link named, never carried, and hands the link over while it is usable', async () => {
    const email = uniqueEmail('linked');
    const { userId } = await harness.client().identity.register.mutate({ email, password: 'a strong password 1', role: 'streamer' });
    const [event] = await requested(email, 'user.email_verification_requested');
    const payload = event!.payload as { linkId: string };
    expect(payload).toEqual({
      userId,
      email,
      role: 'streamer',
      linkId: expect.any(String) as string,
      expiresAt: new Date(clock.now().getTime() + 48 * 60 * 60_000).toISOString(),
    });

    const issued = await mailLink(payload.linkId);
    expect(issued).toMatchObject({ purpose: 'email_verification', email });
    expect(issued.link).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[\w-]{43}$/);
    const token = new URL(issued.link).searchParams.get('token')!;
    // The token is nowhere at rest in the clear: not in the outbox, not in its row.
    const outbox = await harness.service.deps.db.outboxEvent.findMany();
    expect(JSON.stringify(outbox.map((row) => row.payload))).not.toContain(token);
    const row = await harness.service.deps.db.userToken.findUniqueOrThrow({ where: { id: payload.linkId } });
    expect(row.sealedToken).toMatch(/^v1\./);
    expect(row.sealedToken).not.toContain(token);
    // Asking again (a retried send) gives the same link.
    expect((await mailLink(payload.linkId)).link).toBe(issued.link);

    // A new request replaces it: the old link is not sent any more.
    await harness.client().identity.resendVerification.mutate({ email });
    expect(await failure(mailLink(payload.linkId))).toMatchObject({ code: 'NOT_FOUND', reason: 'link_unavailable' });
    const [, second] = await requested(email, 'user.email_verification_requested');
    const secondLinkId = (second!.payload as { linkId: string }).linkId;
    const secondToken = new URL((await mailLink(secondLinkId)).link).searchParams.get('token')!;

    // Used: unavailable, and the sealed copy is gone.
    await harness.client().identity.verifyEmail.mutate({ token: secondToken });
    expect(await failure(mailLink(secondLinkId))).toMatchObject({ code: 'NOT_FOUND', reason: 'link_unavailable' });
    expect((await harness.service.deps.db.userToken.findUniqueOrThrow({ where: { id: secondLinkId } })).sealedToken).toBeNull();
    // A verified address gets no new verification mail.
    await harness.client().identity.resendVerification.mutate({ email });
    expect(await requested(email, 'user.email_verification_requested')).toHaveLength(2);
  });

  it('asks for a reset mail of an active account only; its link expires after an hour', async () => {
    const { email } = await registerVerified('brand');
    await harness.client().identity.requestPasswordReset.mutate({ email: uniqueEmail('nobody') });
    await harness.client().identity.requestPasswordReset.mutate({ email });
    const [event] = await requested(email, 'user.password_reset_requested');
    const { linkId, role } = event!.payload as { linkId: string; role: string };
    expect(role).toBe('brand');
    expect((await mailLink(linkId)).link).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=/);

    clock.advance(60 * 60_000);
    try {
      expect(await failure(mailLink(linkId))).toMatchObject({ code: 'NOT_FOUND', reason: 'link_unavailable' });
    } finally {
      clock.advance(-60 * 60_000);
    }
  });

  it('answers unknown links alike, and names each known account’s address and role for mail', async () => {
    expect(await failure(mailLink('00000000-0000-4000-8000-000000000000'))).toMatchObject({ reason: 'link_unavailable' });
    const { email } = await registerVerified('streamer');
    const userId = (await harness.client().identity.login.mutate({ email, password: 'a strong password 1' })).user.id;
    const unknown = '00000000-0000-4000-8000-000000000001';
    expect(await harness.services.identity.internal.emailRecipients.query({ userIds: [userId, unknown] })).toEqual([
      { userId, email, role: 'streamer' },
    ]);
  });
});

describe('business metrics', () => {
  it('counts each sign-up once, by role, once its event is published', async () => {
    const published = async () => (await scrapeMetric(harness.url, 'outbox_pending_events')) === 0;
    await eventually(published, 'earlier events published');
    const signups = (role: string) => scrapeMetric(harness.url, 'gametriggers_signups_total', { role });
    const [streamers, brands] = await Promise.all([signups('streamer'), signups('brand')]);
    await harness.client().identity.register.mutate({
      email: uniqueEmail('counted'),
      password: 'a strong password 1',
      role: 'streamer',
    });
    await eventually(async () => (await signups('streamer')) === streamers + 1, 'the sign-up counted');
    await eventually(published, 'the sign-up published');
    expect(await signups('streamer')).toBe(streamers + 1);
    expect(await signups('brand')).toBe(brands);
  });
});
