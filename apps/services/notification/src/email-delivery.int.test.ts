import { randomUUID } from 'node:crypto';
import type { IdentityHarness } from '@gametriggers/identity-service/testing';
import { startIdentityHarness } from '@gametriggers/identity-service/testing';
import type { EventPayload } from '@gametriggers/events';
import type { MailCatcher } from '@gametriggers/testing';
import { createTestRedisNamespace, failure, fixedClock, startMailCatcher } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationHarness } from './testing/notification-harness';
import { notificationTestNow, startNotificationHarness } from './testing/notification-harness';

/**
 * Email through a real identity service: addresses are asked of identity at send time (cached),
 * and identity's account mails are sent here with the link identity hands over when asked.
 */
const clock = fixedClock(notificationTestNow);
const RECIPIENT_CACHE_MS = 10 * 60_000;
let mail: MailCatcher;
let identity: IdentityHarness;
let mailed: NotificationHarness;

beforeAll(async () => {
  mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  // Identity on its own queues: this service hears none of its events (as for people who
  // registered before it ran), unless a test forwards them.
  identity = await startIdentityHarness({ now: clock.now });
  mailed = await startNotificationHarness({
    jwksUrl: identity.jwksUrl,
    now: clock.now,
    smtpUrl: mail.smtpUrl,
    identityServiceUrl: identity.url,
    recipientCacheMs: RECIPIENT_CACHE_MS,
  });
});
afterAll(async () => {
  await mailed?.close();
  await identity?.close();
  await mail?.close();
});

const messagesTo = (email: string) => mail.messages().filter((message) => message.to.includes(email.toLowerCase()));
const campaignOf = (brandId: string, title: string) => ({ campaignId: randomUUID(), brandId, title });
const deliveryOf = (userId: string) =>
  mailed.db.emailDelivery.findFirstOrThrow({ where: { notification: { userId } }, orderBy: { createdAt: 'desc' } });

/** The newest event identity recorded of a type for an address: what its relay would deliver. */
async function identityEvent<T extends 'user.email_verification_requested' | 'user.password_reset_requested'>(type: T, email: string) {
  const [event] = await identity.service.deps.db.outboxEvent.findMany({
    where: { type, payload: { path: ['email'], equals: email } },
    orderBy: { occurredAt: 'desc' },
    take: 1,
  });
  return event!.payload as EventPayload<T>;
}

describe('notification email', () => {
  it('reaches a person this service never heard register, at the address identity has, with the portal link and unsubscribe', async () => {
    const brand = await identity.people.signedInPerson('brand');
    expect(await mailed.db.recipient.count({ where: { userId: brand.userId } })).toBe(0);
    const campaign = campaignOf(brand.userId, 'Mailed <Spring>');
    await mailed.send('campaign.approved', { ...campaign, approvedBy: randomUUID() });
    await expect.poll(() => messagesTo(brand.email).length, { timeout: 10_000 }).toBe(1);
    const [message] = messagesTo(brand.email);
    expect(message!.subject).toBe('Campaign approved');
    expect(message!.text).toContain('“Mailed <Spring>” was approved');
    expect(message!.text).toContain(`Open in Gametriggers http://brand.test/campaigns/${campaign.campaignId}`);
    expect(message!.text).toContain('Stop campaign review emails http://brand.test/settings/notifications?unsubscribe=campaign_review');
    expect(message!.html).toContain('&lt;Spring&gt;');
    expect(message!.html).toContain('href="http://brand.test/settings/notifications?unsubscribe=campaign_review"');
    await expect.poll(async () => (await deliveryOf(brand.userId)).status).toBe('sent');
    expect(await deliveryOf(brand.userId)).toMatchObject({ toAddress: brand.email, attempts: 1, sentAt: notificationTestNow });
    // Identity's answer is kept for the next mail.
    expect(await mailed.db.recipient.findUnique({ where: { userId: brand.userId } })).toMatchObject({
      email: brand.email,
      role: 'brand',
      updatedAt: notificationTestNow,
    });
  });

  it('follows a changed address once the cached one is older than RECIPIENT_CACHE_MS', async () => {
    const streamer = await identity.people.signedInPerson('streamer');
    const paid = () => ({ withdrawalId: randomUUID(), streamerId: streamer.userId, amountCents: 2_500, currency: 'USD' });
    await mailed.send('payment.withdrawal_paid', paid());
    await expect.poll(() => messagesTo(streamer.email).length, { timeout: 10_000 }).toBe(1);

    const moved = `moved-${streamer.email}`;
    await identity.service.deps.db.user.update({ where: { id: streamer.userId }, data: { email: moved } });
    await mailed.send('payment.withdrawal_paid', paid());
    await expect.poll(() => messagesTo(streamer.email).length, { timeout: 10_000 }).toBe(2);
    expect(messagesTo(moved)).toHaveLength(0);

    clock.advance(RECIPIENT_CACHE_MS);
    try {
      await mailed.send('payment.withdrawal_paid', paid());
      await expect.poll(() => messagesTo(moved).length, { timeout: 10_000 }).toBe(1);
      expect(messagesTo(streamer.email)).toHaveLength(2);
    } finally {
      clock.set(notificationTestNow);
    }
  });

  it('honours email off for a category; money email cannot be turned off and has no unsubscribe', async () => {
    const streamer = await identity.people.signedInPerson('streamer');
    const client = mailed.client(streamer.session.accessToken);
    await client.notification.preferences.set.mutate({ category: 'applications', channel: 'email', enabled: false });
    expect(await failure(client.notification.preferences.set.mutate({ category: 'money', channel: 'email', enabled: false }))).toMatchObject({
      reason: 'preference_required',
    });
    await client.notification.preferences.set.mutate({ category: 'money', channel: 'in_app', enabled: false });
    await mailed.send('participation.approved', {
      participationId: randomUUID(),
      campaignId: randomUUID(),
      brandId: randomUUID(),
      streamerId: streamer.userId,
      clickCode: 'abcdEFGH1234',
    });
    await mailed.send('payment.withdrawal_paid', { withdrawalId: randomUUID(), streamerId: streamer.userId, amountCents: 2_500, currency: 'USD' });
    await expect.poll(() => messagesTo(streamer.email).length, { timeout: 10_000 }).toBe(1);
    const [message] = messagesTo(streamer.email);
    expect(message!.subject).toBe('Withdrawal paid');
    expect(message!.text).toContain('$25.00');
    expect(message!.text).toContain('cannot be turned off');
    expect(message!.text).not.toMatch(/unsubscribe|Stop money emails/);
    // The approval reached the inbox (its email is off); the withdrawal only the mailbox (its in-app is off).
    expect((await client.notification.inbox.list.query({})).items.map((i) => i.title)).toEqual(['Application approved']);
  });

  it('tells a brand of its failed top-up by email and in the inbox, once however often the event comes', async () => {
    const brand = await identity.people.signedInPerson('brand');
    const failed = {
      brandId: brand.userId,
      paymentIntentId: 'pi_failed_1',
      amountCents: 5_000,
      currency: 'USD',
      source: 'checkout' as const,
      code: 'insufficient_funds',
      reason: 'Your card has insufficient funds.',
    };
    const id = randomUUID();
    await mailed.send('payment.topup_failed', failed, { id });
    await mailed.send('payment.topup_failed', failed, { id });
    // An automatic top-up's failure tells nobody here (payment.wallet_low does).
    await mailed.send('payment.topup_failed', { ...failed, paymentIntentId: 'pi_failed_2', source: 'auto_top_up' });
    await expect.poll(() => messagesTo(brand.email).length, { timeout: 10_000 }).toBe(1);
    const [message] = messagesTo(brand.email);
    expect(message!.subject).toBe('Top-up failed');
    expect(message!.text).toContain('$50.00');
    expect(message!.text).toContain('Your card has insufficient funds.');
    expect(message!.text).toContain('Open in Gametriggers http://brand.test/billing');
    expect(message!.text).not.toContain('unsubscribe');
    const inbox = await mailed.client(brand.session.accessToken).notification.inbox.list.query({});
    expect(inbox.items.map((item) => [item.category, item.title, item.link])).toEqual([['money', 'Top-up failed', '/billing']]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(messagesTo(brand.email)).toHaveLength(1);
  });

  it('skips, without retrying, a person identity does not know; the in-app notice stands', async () => {
    const ghost = randomUUID();
    await mailed.send('campaign.submitted', campaignOf(ghost, 'Ghost'));
    await expect.poll(async () => (await deliveryOf(ghost)).status, { timeout: 10_000 }).toBe('skipped');
    expect(await deliveryOf(ghost)).toMatchObject({ attempts: 1, toAddress: null, lastError: 'identity knows no address for this person' });
    expect(await mailed.db.notification.count({ where: { userId: ghost, inApp: true } })).toBe(1);
  });

  it('uses the last known address while identity does not answer', async () => {
    const cut = await startNotificationHarness({
      jwksUrl: identity.jwksUrl,
      now: clock.now,
      smtpUrl: mail.smtpUrl,
      recipientCacheMs: RECIPIENT_CACHE_MS,
    });
    try {
      const userId = randomUUID();
      const email = `known-${userId}@example.com`;
      await cut.send('user.registered', { userId, email, role: 'brand' });
      clock.advance(RECIPIENT_CACHE_MS * 2);
      await cut.send('payment.deposit_received', { brandId: userId, amountCents: 100, currency: 'USD', paymentIntentId: 'pi_stale' });
      await expect.poll(() => messagesTo(email).length, { timeout: 10_000 }).toBe(1);
    } finally {
      clock.set(notificationTestNow);
      await cut.close();
    }
  });

  it('retries a failing SMTP server with backoff, then keeps the email as a dead letter', async () => {
    const dead = await startNotificationHarness({
      jwksUrl: identity.jwksUrl,
      now: clock.now,
      smtpUrl: 'smtp://127.0.0.1:1',
      identityServiceUrl: identity.url,
      emailAttempts: 3,
      emailRetryDelayMs: 10,
    });
    try {
      const brand = await identity.people.signedInPerson('brand');
      await dead.send('payment.deposit_received', { brandId: brand.userId, amountCents: 100, currency: 'USD', paymentIntentId: 'pi_3' });
      const delivery = () => dead.db.emailDelivery.findFirstOrThrow({ where: { notification: { userId: brand.userId } } });
      await expect.poll(async () => (await delivery()).status, { timeout: 15_000 }).toBe('dead');
      expect(await delivery()).toMatchObject({ attempts: 3, sentAt: null, lastAttemptAt: notificationTestNow });
      expect((await delivery()).lastError).toMatch(/ECONNREFUSED|connect/);
      // The in-app notification stands on its own.
      expect(await dead.db.notification.count({ where: { userId: brand.userId, inApp: true } })).toBe(1);
    } finally {
      await dead.close();
    }
  });
});

describe('identity’s account mails', () => {
  it('sends the verification mail with identity’s link, never in the inbox, and skips a link replaced before it went out', async () => {
    const email = `signup-${randomUUID()}@example.com`;
    const { userId } = await identity.client().identity.register.mutate({ email, password: 'a strong password 1', role: 'brand' });
    const first = await identityEvent('user.email_verification_requested', email);
    await identity.client().identity.resendVerification.mutate({ email });
    const second = await identityEvent('user.email_verification_requested', email);
    expect(second.linkId).not.toBe(first.linkId);

    // The first request's mail is sent after the second replaced its link: it is not sent at all.
    await mailed.send('user.email_verification_requested', first);
    const deliveries = () => mailed.db.emailDelivery.findMany({ where: { notification: { userId } }, orderBy: { createdAt: 'asc' } });
    await expect.poll(async () => (await deliveries())[0]?.status, { timeout: 10_000 }).toBe('skipped');
    expect((await deliveries())[0]).toMatchObject({ accountLinkId: first.linkId, toAddress: email });
    expect((await deliveries())[0]?.lastError).toMatch(/used, replaced or expired/);

    await mailed.send('user.email_verification_requested', second);
    await expect.poll(() => messagesTo(email).length, { timeout: 10_000 }).toBe(1);
    const [message] = messagesTo(email);
    expect(message!.subject).toMatch(/confirm your email/i);
    expect(message!.text).toContain('expires in 48 hours');
    expect(message!.text).toContain('cannot be turned off');
    expect(message!.text).not.toContain('unsubscribe');
    const token = /verify-email\?token=([\w-]+)/.exec(message!.text)?.[1];
    expect(message!.html).toContain(`verify-email?token=${token}`);
    // The link itself is stored nowhere here.
    const stored = JSON.stringify([await mailed.db.notification.findMany({ where: { userId } }), await deliveries()]);
    expect(stored).not.toContain(token);
    await expect(identity.client().identity.verifyEmail.mutate({ token: token! })).resolves.toMatchObject({ role: 'brand' });

    // Never in the inbox, and told once however often the event comes.
    await mailed.send('user.email_verification_requested', second, { id: randomUUID() });
    const session = await identity.client().identity.login.mutate({ email, password: 'a strong password 1' });
    expect(await mailed.client(session.accessToken).notification.inbox.unreadCount.query()).toEqual({ unread: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(messagesTo(email)).toHaveLength(1);
  });
});

describe('through both services, as they run', () => {
  let queues: ReturnType<typeof createTestRedisNamespace>;
  let identityLive: IdentityHarness;
  let notificationLive: NotificationHarness;

  beforeAll(async () => {
    queues = createTestRedisNamespace('account-mail');
    identityLive = await startIdentityHarness({ now: clock.now, queuePrefix: queues.prefix });
    notificationLive = await startNotificationHarness({
      jwksUrl: identityLive.jwksUrl,
      now: clock.now,
      smtpUrl: mail.smtpUrl,
      identityServiceUrl: identityLive.url,
      queues: { redisUrl: queues.url, prefix: queues.prefix },
    });
  });
  afterAll(async () => {
    await notificationLive?.close();
    await identityLive?.close();
    await queues?.clear();
  });

  it('signs up with the mailed verification link and resets the password with the mailed reset link', async () => {
    const email = `live-${randomUUID()}@example.com`;
    const anonymous = identityLive.client();
    await anonymous.identity.register.mutate({ email, password: 'a strong password 1', role: 'streamer' });
    await expect.poll(() => messagesTo(email).length, { timeout: 15_000 }).toBe(1);
    const verify = /verify-email\?token=([\w-]+)/.exec(messagesTo(email)[0]!.text)?.[1];
    await anonymous.identity.verifyEmail.mutate({ token: verify! });

    await anonymous.identity.requestPasswordReset.mutate({ email });
    await expect.poll(() => messagesTo(email).length, { timeout: 15_000 }).toBe(2);
    const [reset] = messagesTo(email);
    expect(reset!.subject).toBe('Reset your Gametriggers password');
    expect(reset!.text).toContain('expires in 1 hour');
    const token = /reset-password\?token=([\w-]+)/.exec(reset!.text)?.[1];
    await anonymous.identity.resetPassword.mutate({ token: token!, password: 'a brand new password' });
    await expect(anonymous.identity.login.mutate({ email, password: 'a brand new password' })).resolves.toBeTruthy();
  });
});
