import { failure, fixedClock, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness } from './testing/identity-harness';

/**
 * A person's own account: what the settings page shows, changing the password and signing out of
 * the other devices. Each session is a refresh-token family; its access tokens name it (`sid`).
 */
const clock = fixedClock(testInstants.newYorkAfternoon);
/**
 * Each test signs in several times and hashes passwords (scrypt at OWASP's cost, ~130 MB each):
 * seconds apiece on a busy machine, so more than the default 30 s per test.
 */
const passwordHeavy = { timeout: 120_000 };
let harness: IdentityHarness;
/** Signed in once: the clock stands still, and an authenticator code is good once. */
let root: Awaited<ReturnType<IdentityHarness['people']['signInRootAdmin']>>;

beforeAll(async () => {
  harness = await startIdentityHarness({ now: clock.now });
  root = await harness.people.signInRootAdmin();
});
afterAll(() => harness?.close());

const anon = () => harness.client();
const as = (token?: string) => harness.people.as(token);
const login = (email: string, password: string) =>
  anon().identity.login.mutate({ email, password });
const refresh = (refreshToken: string) => anon().identity.refresh.mutate({ refreshToken });

/** A brand or streamer signed in on three devices. */
async function onThreeDevices(role: 'brand' | 'streamer' = 'brand') {
  const person = await harness.people.signedInPerson(role);
  const second = await login(person.email, person.password);
  const third = await login(person.email, person.password);
  return { ...person, devices: [person.session, second, third] as const };
}

const outboxOf = (type: string, userId: string) =>
  harness.service.deps.db.outboxEvent.findMany({
    where: { type, payload: { path: ['userId'], equals: userId } },
  });

describe('access tokens name their session', passwordHeavy, () => {
  it('carries the refresh-token family as sid, the same across a refresh', async () => {
    const person = await harness.people.signedInPerson('streamer');
    const claims = await harness.people.claimsOf(person.session.accessToken);
    expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
    const refreshed = await refresh(person.session.refreshToken);
    expect((await harness.people.claimsOf(refreshed.accessToken)).sid).toBe(claims.sid);
    const elsewhere = await login(person.email, person.password);
    expect((await harness.people.claimsOf(elsewhere.accessToken)).sid).not.toBe(claims.sid);
  });
});

describe('account.get', passwordHeavy, () => {
  it("shows a brand its own account and counts its live sessions, never a hash", async () => {
    const person = await onThreeDevices('brand');
    const account = await as(person.devices[0].accessToken).identity.account.get.query();
    const { createdAt, ...rest } = account;
    expect(createdAt).toBeInstanceOf(Date);
    expect(rest).toEqual({
      email: person.email,
      name: person.name,
      role: 'brand',
      emailVerified: true,
      lastLoginAt: clock.now(),
      hasPassword: true,
      twoFactorEnabled: null,
      activeSessions: 3,
      currentSessionKnown: true,
    });
    // A refresh rotates the token but is still the same session.
    await refresh(person.devices[1].refreshToken);
    await anon().identity.logout.mutate({ refreshToken: person.devices[2].refreshToken });
    const after = await as(person.devices[0].accessToken).identity.account.get.query();
    expect(after.activeSessions).toBe(2);
  });

  it("shows an admin their two-factor state", async () => {
    const account = await as(root.token).identity.account.get.query();
    expect(account).toMatchObject({ role: 'admin', email: root.email, twoFactorEnabled: true });
  });
});

describe('account.changePassword', passwordHeavy, () => {
  it('changes the password, keeps this session and ends the others', async () => {
    const person = await onThreeDevices('streamer');
    const [here, other, third] = person.devices;
    const newPassword = 'a brand new passphrase';

    const changed = await as(here.accessToken).identity.account.changePassword.mutate({
      currentPassword: person.password,
      newPassword,
    });
    expect(changed).toEqual({
      changedAt: clock.now(),
      otherSessionsEnded: 2,
      currentSessionKept: true,
    });

    await expect(refresh(here.refreshToken)).resolves.toMatchObject({ user: { id: person.userId } });
    for (const ended of [other, third]) {
      expect(await failure(refresh(ended.refreshToken))).toMatchObject({
        code: 'UNAUTHORIZED',
        reason: 'refresh_token_invalid',
      });
    }
    expect(await failure(login(person.email, person.password))).toMatchObject({
      reason: 'invalid_credentials',
    });
    await expect(login(person.email, newPassword)).resolves.toMatchObject({
      user: { email: person.email },
    });

    const events = await outboxOf('user.password_changed', person.userId);
    expect(events.map((event) => event.payload)).toEqual([
      {
        userId: person.userId,
        role: 'streamer',
        changedAt: clock.now().toISOString(),
        keptSessionId: (await harness.people.claimsOf(here.accessToken)).sid,
      },
    ]);
  });

  it('refuses a wrong current password with a typed error, counted like a failed sign-in', async () => {
    const person = await harness.people.signedInPerson('brand');
    const api = as(person.session.accessToken);
    const refusal = await failure(
      api.identity.account.changePassword.mutate({
        currentPassword: 'not my password',
        newPassword: 'a brand new passphrase',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'current_password_incorrect',
    });
    expect(refusal.message).toMatch(/current password is not right/);
    const user = await harness.service.deps.db.user.findUniqueOrThrow({
      where: { id: person.userId },
    });
    expect(user.failedLoginCount).toBe(1);

    // Four more wrong guesses lock the account, as at sign-in; then even the right one is refused.
    for (let guess = 0; guess < 3; guess += 1) {
      await failure(
        api.identity.account.changePassword.mutate({
          currentPassword: `wrong guess ${guess}`,
          newPassword: 'a brand new passphrase',
        }),
      );
    }
    expect(
      await failure(
        api.identity.account.changePassword.mutate({
          currentPassword: 'the fifth wrong guess',
          newPassword: 'a brand new passphrase',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'account_locked' });
    expect(
      await failure(
        api.identity.account.changePassword.mutate({
          currentPassword: person.password,
          newPassword: 'a brand new passphrase',
        }),
      ),
    ).toMatchObject({ reason: 'account_locked' });
    expect(await outboxOf('user.password_changed', person.userId)).toEqual([]);
  });

  it("holds the new password to sign-up's rules and refuses the same one", async () => {
    const person = await harness.people.signedInPerson('brand');
    const api = as(person.session.accessToken);
    const short = await failure(
      api.identity.account.changePassword.mutate({
        currentPassword: person.password,
        newPassword: 'short',
      }),
    );
    expect(short).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { newPassword: ['Use at least 10 characters for your password.'] },
    });
    const same = await failure(
      api.identity.account.changePassword.mutate({
        currentPassword: person.password,
        newPassword: person.password,
      }),
    );
    expect(same).toMatchObject({ code: 'BAD_REQUEST', reason: 'password_unchanged' });
    await expect(login(person.email, person.password)).resolves.toBeTruthy();
  });

  it('ends every session, this one too, for a token that names no session', async () => {
    const person = await onThreeDevices('brand');
    // A token issued before sessions were named: no sid.
    const legacy = await harness.people.signedAs({
      userId: person.userId,
      email: person.email,
      role: 'brand',
      permissions: [],
    });
    expect((await harness.people.claimsOf(legacy)).sid).toBeUndefined();
    const changed = await as(legacy).identity.account.changePassword.mutate({
      currentPassword: person.password,
      newPassword: 'a brand new passphrase',
    });
    expect(changed).toMatchObject({ otherSessionsEnded: 3, currentSessionKept: false });
    for (const device of person.devices) {
      expect(await failure(refresh(device.refreshToken))).toMatchObject({
        reason: 'refresh_token_invalid',
      });
    }
  });
});

describe('account.signOutOtherSessions', passwordHeavy, () => {
  it('ends every session but this one', async () => {
    const person = await onThreeDevices('streamer');
    const [here, other, third] = person.devices;
    const bystander = await harness.people.signedInPerson('streamer');

    const ended = await as(here.accessToken).identity.account.signOutOtherSessions.mutate();
    expect(ended).toEqual({ sessionsEnded: 2 });

    const next = await refresh(here.refreshToken);
    for (const gone of [other, third]) {
      expect(await failure(refresh(gone.refreshToken))).toMatchObject({
        reason: 'refresh_token_invalid',
      });
    }
    // Someone else's sessions are theirs alone.
    await expect(refresh(bystander.session.refreshToken)).resolves.toBeTruthy();
    const account = await as(next.accessToken).identity.account.get.query();
    expect(account.activeSessions).toBe(1);
    // Nothing left to end: a second call ends none and still succeeds.
    await expect(
      as(next.accessToken).identity.account.signOutOtherSessions.mutate(),
    ).resolves.toEqual({ sessionsEnded: 0 });

    const events = await outboxOf('user.other_sessions_ended', person.userId);
    expect(events.map((event) => event.payload)).toContainEqual({
      userId: person.userId,
      role: 'streamer',
      endedAt: clock.now().toISOString(),
      keptSessionId: (await harness.people.claimsOf(here.accessToken)).sid,
      sessionsEnded: 2,
    });
  });

  it('refuses a token that names no session, ending nothing', async () => {
    const person = await onThreeDevices('brand');
    const legacy = await harness.people.signedAs({
      userId: person.userId,
      email: person.email,
      role: 'brand',
      permissions: [],
    });
    expect(
      await failure(as(legacy).identity.account.signOutOtherSessions.mutate()),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'current_session_unknown' });
    for (const device of person.devices) await expect(refresh(device.refreshToken)).resolves.toBeTruthy();
  });
});

describe('who may use the account procedures', passwordHeavy, () => {
  it('refuses anyone not signed in', async () => {
    const refusals = await Promise.all([
      failure(anon().identity.account.get.query()),
      failure(
        anon().identity.account.changePassword.mutate({
          currentPassword: 'a strong password 1',
          newPassword: 'a brand new passphrase',
        }),
      ),
      failure(anon().identity.account.signOutOtherSessions.mutate()),
    ]);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets each role act on its own account only', async () => {
    const brand = await harness.people.signedInPerson('brand');
    const streamer = await harness.people.signedInPerson('streamer');
    for (const person of [
      { token: root.token, email: root.email, role: 'admin' },
      { token: brand.session.accessToken, email: brand.email, role: 'brand' },
      { token: streamer.session.accessToken, email: streamer.email, role: 'streamer' },
    ]) {
      await expect(as(person.token).identity.account.get.query()).resolves.toMatchObject({
        email: person.email,
        role: person.role,
      });
    }
    // The brand changing its password leaves the streamer's alone.
    await as(brand.session.accessToken).identity.account.changePassword.mutate({
      currentPassword: brand.password,
      newPassword: 'a brand new passphrase',
    });
    await expect(login(streamer.email, streamer.password)).resolves.toBeTruthy();
  });

  it('refuses a suspended account', async () => {
    const person = await harness.people.signedInPerson('brand');
    await as(root.token).identity.users.suspend.mutate({
      userId: person.userId,
      reason: 'Testing the settings refusal',
    });
    const api = as(person.session.accessToken);
    const refusals = await Promise.all([
      failure(api.identity.account.get.query()),
      failure(api.identity.account.signOutOtherSessions.mutate()),
      failure(
        api.identity.account.changePassword.mutate({
          currentPassword: person.password,
          newPassword: 'a brand new passphrase',
        }),
      ),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ code: 'FORBIDDEN', reason: 'account_suspended' });
    }
  });
});
