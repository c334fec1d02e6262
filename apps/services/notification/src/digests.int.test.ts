import { randomUUID } from 'node:crypto';
import type { MailCatcher, TestTokenIssuer } from '@gametriggers/testing';
import { startMailCatcher, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityAccounts } from './clients/identity-accounts';
import type { NotificationHarness } from './testing/notification-harness';
import { notificationTestNow, startNotificationHarness } from './testing/notification-harness';

const WINDOW_MS = 15 * 60_000;
const at = (ms: number) => new Date(notificationTestNow.getTime() + ms);
const afterWindow = at(WINDOW_MS);

let issuer: TestTokenIssuer;
let mail: MailCatcher;
let harness: NotificationHarness;

/**
 * The addresses of the made-up people, as identity would answer. These tests are about batching;
 * addresses through a real identity are `email-delivery.int.test.ts`'s.
 */
const addressOf = (userId: string) => `${userId}@digest.example.com`;
const identityStandIn: IdentityAccounts = {
  emailRecipients: (userIds) => Promise.resolve(userIds.map((userId) => ({ userId, email: addressOf(userId), role: 'brand' as const }))),
  mailLink: () => Promise.resolve(null),
};

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  harness = await startNotificationHarness({ jwksUrl: issuer.jwksUrl, smtpUrl: mail.smtpUrl, identity: identityStandIn, digestWindowMs: WINDOW_MS });
});
afterAll(async () => {
  await harness?.close();
  await mail?.close();
  await issuer?.close();
});

function applied(brandId: string, campaignId: string) {
  return { participationId: randomUUID(), campaignId, brandId, streamerId: randomUUID(), clickCode: 'abcdEFGH1234' };
}
const campaign = (brandId: string, title: string) => ({ campaignId: randomUUID(), brandId, title });
const noticesOf = (userId: string) =>
  harness.db.notification.findMany({ where: { userId, category: 'applications' }, orderBy: { title: 'asc' } });
/** The applicant mails to a person (not the submitted-campaign notices the set-up sends). */
const mailsTo = (userId: string) =>
  mail.messages().filter((message) => message.to.includes(addressOf(userId)) && /applicant/.test(message.subject));
const sweep = (when: Date) => harness.service.digests.sweep(when);

describe('new applicants, batched per brand and campaign', () => {
  it('waits for the window, then tells each brand once per campaign how many applied; keys never merge', async () => {
    const brandA = randomUUID();
    const brandB = randomUUID();
    const spring = campaign(brandA, 'Spring <Launch>');
    const summer = campaign(brandA, 'Summer');
    const other = campaign(brandB, 'Spring <Launch>');
    for (const c of [spring, summer, other]) await harness.send('campaign.submitted', c);
    for (let i = 0; i < 3; i += 1) await harness.send('participation.applied', applied(brandA, spring.campaignId));
    await harness.send('participation.applied', applied(brandA, summer.campaignId));
    for (let i = 0; i < 2; i += 1) await harness.send('participation.applied', applied(brandB, other.campaignId));

    // Within the window: nothing yet.
    expect(await sweep(at(WINDOW_MS - 1))).toBe(0);
    expect(await noticesOf(brandA)).toEqual([]);

    expect(await sweep(afterWindow)).toBeGreaterThanOrEqual(3);
    const a = await noticesOf(brandA);
    expect(a.map((n) => [n.title, n.body, n.link, n.eventType])).toEqual([
      ['3 new applicants', '3 streamers applied to join “Spring <Launch>”. Review their applications.', `/campaigns/${spring.campaignId}`, 'participation.applied'],
      ['New applicant', 'A streamer applied to join “Summer”. Review the application.', `/campaigns/${summer.campaignId}`, 'participation.applied'],
    ]);
    expect(a.every((n) => n.createdAt.getTime() === afterWindow.getTime() && n.inApp)).toBe(true);
    expect((await noticesOf(brandB)).map((n) => n.title)).toEqual(['2 new applicants']);

    // One email per digest.
    await expect.poll(() => mailsTo(brandA).length, { timeout: 10_000 }).toBe(2);
    expect(mailsTo(brandA).map((m) => m.subject).sort()).toEqual(['3 new applicants', 'New applicant']);
    expect(mailsTo(brandA).find((m) => m.subject === '3 new applicants')!.text).toContain(
      'Stop applications emails http://brand.test/settings/notifications?unsubscribe=applications',
    );
    await expect.poll(() => mailsTo(brandB).length, { timeout: 10_000 }).toBe(1);
  });

  it('counts a redelivered application once', async () => {
    const brand = randomUUID();
    const c = campaign(brand, 'Redelivered');
    const id = randomUUID();
    const payload = applied(brand, c.campaignId);
    await harness.send('participation.applied', payload, { id });
    await harness.send('participation.applied', payload, { id });
    await harness.send('participation.applied', applied(brand, c.campaignId));
    await sweep(afterWindow);
    // The campaign was never seen: the text says "your campaign".
    expect((await noticesOf(brand)).map((n) => [n.title, n.body])).toEqual([
      ['2 new applicants', '2 streamers applied to join your campaign. Review their applications.'],
    ]);
  });

  it('sends a digest once however often or concurrently the send is retried, even if its sent mark were lost', async () => {
    const brand = randomUUID();
    const c = campaign(brand, 'Retried');
    for (let i = 0; i < 4; i += 1) await harness.send('participation.applied', applied(brand, c.campaignId));
    await Promise.all([sweep(afterWindow), sweep(afterWindow), sweep(afterWindow), sweep(afterWindow)]);
    const digest = await harness.db.digestBatch.findFirstOrThrow({ where: { userId: brand } });
    expect(digest).toMatchObject({ status: 'sent', sentAt: afterWindow });

    // A retry that finds the digest open again (as if the mark had been lost) adds nothing.
    await harness.db.digestBatch.update({ where: { id: digest.id }, data: { status: 'open', sentAt: null } });
    await sweep(at(2 * WINDOW_MS));
    const notices = await noticesOf(brand);
    expect(notices.map((n) => [n.title, n.eventId])).toEqual([['4 new applicants', digest.id]]);
    await expect.poll(() => mailsTo(brand).length, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(brand)).toHaveLength(1);
    expect(await harness.db.emailDelivery.count({ where: { notification: { userId: brand } } })).toBe(1);
  });

  it('puts an application that arrives while its digest is being sent into the next one', async () => {
    const brand = randomUUID();
    const c = campaign(brand, 'Busy');
    await harness.send('participation.applied', applied(brand, c.campaignId));
    await harness.send('participation.applied', applied(brand, c.campaignId));
    const first = await harness.db.digestBatch.findFirstOrThrow({ where: { userId: brand } });

    // Hold the digest as the sender does (locked, about to be marked sent) while an application arrives.
    let arriving: Promise<string> | undefined;
    await harness.db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT 1 FROM "digest_batches" WHERE "id" = $1::uuid FOR UPDATE`, first.id);
      arriving = harness.send('participation.applied', applied(brand, c.campaignId));
      // The arriving application waits on the held digest.
      await expect
        .poll(async () => {
          const [row] = await harness.db.$queryRawUnsafe<Array<{ waiting: number }>>(
            `SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return row?.waiting;
        })
        .toBe(1);
      await tx.digestBatch.update({ where: { id: first.id }, data: { status: 'sent', sentAt: afterWindow } });
    });
    await arriving;
    const batches = await harness.db.digestBatch.findMany({ where: { userId: brand }, include: { _count: { select: { items: true } } } });
    expect(batches.map((b) => [b.id === first.id, b.status, b._count.items]).sort()).toEqual([
      [false, 'open', 1],
      [true, 'sent', 2],
    ]);
  });

  it('drops no application and counts none twice when they arrive during sends', async () => {
    const brand = randomUUID();
    const c = campaign(brand, 'Stormy');
    const arrivals = Array.from({ length: 12 }, () => harness.send('participation.applied', applied(brand, c.campaignId)));
    const sweeps: Array<Promise<number>> = [];
    for (let i = 0; i < 6; i += 1) {
      sweeps.push(sweep(afterWindow));
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await Promise.all([...arrivals, ...sweeps]);
    await sweep(afterWindow);
    const counts = (await noticesOf(brand)).map((n) => (n.title === 'New applicant' ? 1 : Number.parseInt(n.title, 10)));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(12);
    expect(await harness.db.digestBatch.count({ where: { userId: brand, status: 'open' } })).toBe(0);
  });

  it('follows the brand’s preferences when it is sent: in-app off keeps it out of the inbox, email off out of the mailbox', async () => {
    const { brandA } = testCast();
    const client = harness.client(await issuer.tokenFor(brandA));
    await client.notification.preferences.set.mutate({ category: 'applications', channel: 'email', enabled: false });
    const c = campaign(brandA.userId, 'Quiet');
    await harness.send('participation.applied', applied(brandA.userId, c.campaignId));
    await harness.send('participation.applied', applied(brandA.userId, c.campaignId));
    await sweep(afterWindow);
    expect((await client.notification.inbox.list.query({})).items.map((i) => i.title)).toEqual(['2 new applicants']);
    expect(await harness.db.emailDelivery.count({ where: { notification: { userId: brandA.userId } } })).toBe(0);

    await client.notification.preferences.set.mutate({ category: 'applications', channel: 'in_app', enabled: false });
    await harness.send('participation.applied', applied(brandA.userId, c.campaignId));
    await sweep(at(2 * WINDOW_MS));
    expect((await client.notification.inbox.list.query({})).items.map((i) => i.title)).toEqual(['2 new applicants']);
    expect(await client.notification.inbox.unreadCount.query()).toEqual({ unread: 1 });
  });
});
