import { randomUUID } from 'node:crypto';
import type { NotificationCategory } from '@gametriggers/contracts';
import type { EventPayload, EventType } from '@gametriggers/events';
import { eventCatalogue } from '@gametriggers/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationRules, notifiedEventTypes } from './events/notification-rules';
import { subscribedEventTypes } from './events/notify-on-event';
import type { NotificationHarness } from './testing/notification-harness';
import { notificationTestNow, startNotificationHarness } from './testing/notification-harness';
import { startTestTokenIssuer } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';

let issuer: TestTokenIssuer;
let harness: NotificationHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startNotificationHarness({ jwksUrl: issuer.jwksUrl });
});
afterAll(async () => {
  await harness?.close();
  await issuer?.close();
});

/** Fresh people per case, so each case sees only its own notifications. */
function people() {
  return { brandId: randomUUID(), streamerId: randomUUID(), adminId: randomUUID(), campaignId: randomUUID() };
}
type People = ReturnType<typeof people>;

interface Case<T extends EventType> {
  type: T;
  payload: (p: People) => EventPayload<T>;
  /** Who is told (by role in the case), with what. */
  told: Array<keyof Pick<People, 'brandId' | 'streamerId'>>;
  category?: NotificationCategory;
  title?: RegExp;
  link?: (p: People) => string;
}

const campaign = (p: People, title = 'Neon Energy Launch') => ({ campaignId: p.campaignId, brandId: p.brandId, title });
const participation = (p: People) => ({
  participationId: randomUUID(),
  campaignId: p.campaignId,
  brandId: p.brandId,
  streamerId: p.streamerId,
  clickCode: 'abcdEFGH1234',
});
const usd = { currency: 'USD' };
/** Moderation rejected a file the brand uploaded as a creative (the admin service names its owner and file). */
const rejectedUpload = (p: People) => ({
  itemId: randomUUID(),
  kind: 'creative_asset' as const,
  subjectId: randomUUID(),
  ownerId: p.brandId,
  title: 'summer-banner.png',
  decidedBy: p.adminId,
  contentSubmittedAt: '2026-03-01T00:00:00.000Z',
  reason: 'Shows a competitor’s logo',
});

/** An account mail of identity's: email only (this harness has no email), never in the inbox. */
const accountMail = (p: People) => ({
  userId: p.streamerId,
  email: 'someone@example.com',
  role: 'streamer' as const,
  linkId: randomUUID(),
  expiresAt: '2026-03-10T09:00:00.000Z',
});

const cases: Array<Case<EventType>> = [
  { type: 'user.email_verification_requested', payload: accountMail, told: [] },
  { type: 'user.password_reset_requested', payload: accountMail, told: [] },
  {
    type: 'user.password_changed',
    payload: (p) => ({ userId: p.streamerId, role: 'streamer' as const, changedAt: notificationTestNow.toISOString(), keptSessionId: randomUUID() }),
    told: ['streamerId'],
    category: 'security',
    title: /password was changed/,
    link: () => '/settings',
  },
  { type: 'campaign.submitted', payload: (p) => campaign(p), told: ['brandId'], category: 'campaign_review', title: /submitted/, link: (p) => `/campaigns/${p.campaignId}` },
  { type: 'campaign.approved', payload: (p) => ({ ...campaign(p), approvedBy: p.adminId }), told: ['brandId'], category: 'campaign_review', title: /approved/ },
  { type: 'campaign.rejected', payload: (p) => ({ ...campaign(p), rejectedBy: p.adminId, reason: 'Misleading claims' }), told: ['brandId'], category: 'campaign_review', title: /rejected/ },
  { type: 'campaign.launched', payload: (p) => campaign(p), told: ['brandId'], category: 'campaign_status', title: /live/ },
  { type: 'campaign.paused', payload: (p) => ({ ...campaign(p), by: 'admin' as const }), told: ['brandId'], category: 'campaign_status', title: /paused/ },
  { type: 'campaign.paused', payload: (p) => ({ ...campaign(p), by: 'brand' as const }), told: [] },
  { type: 'campaign.completed', payload: (p) => ({ ...campaign(p), reason: 'budget_spent' as const }), told: ['brandId'], category: 'campaign_status', title: /completed/ },
  { type: 'campaign.completed', payload: (p) => ({ ...campaign(p), reason: 'ended_by_brand' as const }), told: [] },
  { type: 'campaign.cancelled', payload: (p) => ({ ...campaign(p), by: 'admin' as const }), told: ['brandId'], category: 'campaign_status', title: /cancelled/ },
  { type: 'campaign.cancelled', payload: (p) => ({ ...campaign(p), by: 'brand' as const }), told: [] },
  // Batched: told when its digest is sent (see digests.int.test.ts).
  { type: 'participation.applied', payload: participation, told: ['brandId'], category: 'applications', title: /New applicant/ },
  { type: 'participation.approved', payload: participation, told: ['streamerId'], category: 'applications', title: /approved/, link: () => '/my-campaigns' },
  { type: 'participation.rejected', payload: (p) => ({ ...participation(p), reason: 'Audience too small' }), told: ['streamerId'], category: 'applications', title: /not accepted/ },
  {
    type: 'participation.removed',
    payload: (p) => ({ ...participation(p), reason: 'violation' as const, forfeitEarnings: true, removedBy: p.adminId }),
    told: ['streamerId'],
    category: 'participation',
    title: /Removed/,
  },
  { type: 'payment.deposit_received', payload: (p) => ({ ...usd, brandId: p.brandId, amountCents: 50_000, paymentIntentId: 'pi_1' }), told: ['brandId'], category: 'money', title: /topped up/ },
  {
    type: 'payment.topup_failed',
    payload: (p) => ({ ...usd, brandId: p.brandId, paymentIntentId: 'pi_f', amountCents: 5_000, source: 'checkout' as const, code: 'card_declined', reason: 'Declined.' }),
    told: ['brandId'],
    category: 'money',
    title: /Top-up failed/,
    link: () => '/billing',
  },
  // An automatic top-up's failure is told by payment.wallet_low.
  {
    type: 'payment.topup_failed',
    payload: (p) => ({ ...usd, brandId: p.brandId, paymentIntentId: 'pi_a', amountCents: 5_000, source: 'auto_top_up' as const, code: 'card_declined', reason: 'Declined.' }),
    told: [],
  },
  { type: 'payment.wallet_low', payload: (p) => ({ ...usd, brandId: p.brandId, availableCents: 1_000, reason: 'Below your auto top-up threshold' }), told: ['brandId'], category: 'money', title: /low/ },
  { type: 'payment.refund_issued', payload: (p) => ({ ...usd, refundId: 're_1', brandId: p.brandId, amountCents: 2_000 }), told: ['brandId'], category: 'money', title: /Refund/ },
  { type: 'payment.dispute_opened', payload: (p) => ({ ...usd, disputeId: 'dp_1', brandId: p.brandId, amountCents: 2_000, heldCents: 2_000 }), told: ['brandId'], category: 'money', title: /disputed/ },
  { type: 'payment.dispute_closed', payload: (p) => ({ ...usd, disputeId: 'dp_1', brandId: p.brandId, outcome: 'won' as const, heldCents: 2_000 }), told: ['brandId'], category: 'money', title: /favour/ },
  {
    type: 'payment.earnings_credited',
    payload: (p) => ({ ...usd, streamerId: p.streamerId, campaignId: p.campaignId, amountCents: 1_234, availableAt: '2026-03-15T00:00:00.000Z' }),
    told: ['streamerId'],
    category: 'money',
    title: /credited/,
    link: () => '/earnings',
  },
  { type: 'payment.earnings_available', payload: (p) => ({ ...usd, streamerId: p.streamerId, amountCents: 1_234 }), told: ['streamerId'], category: 'money', title: /available/ },
  { type: 'payment.withdrawal_paid', payload: (p) => ({ ...usd, withdrawalId: randomUUID(), streamerId: p.streamerId, amountCents: 5_000 }), told: ['streamerId'], category: 'money', title: /paid/ },
  {
    type: 'payment.withdrawal_failed',
    payload: (p) => ({ ...usd, withdrawalId: randomUUID(), streamerId: p.streamerId, amountCents: 5_000, reason: 'The bank refused it' }),
    told: ['streamerId'],
    category: 'money',
    title: /failed/,
  },
  {
    type: 'payment.participation_dispute_opened',
    payload: (p) => ({ ...usd, ...participation(p), disputeId: randomUUID(), openedBy: 'brand' as const, heldCents: 900 }),
    told: ['streamerId'],
    category: 'money',
    title: /Dispute opened/,
  },
  {
    type: 'payment.participation_dispute_opened',
    payload: (p) => ({ ...usd, ...participation(p), disputeId: randomUUID(), openedBy: 'streamer' as const, heldCents: 900 }),
    told: ['brandId'],
    category: 'money',
    title: /Dispute opened/,
  },
  {
    type: 'payment.participation_dispute_resolved',
    payload: (p) => ({ ...usd, ...participation(p), disputeId: randomUUID(), outcome: 'split' as const, streamerCents: 450, brandCents: 450 }),
    told: ['brandId', 'streamerId'],
    category: 'money',
    title: /resolved/,
  },
  { type: 'brand.verified', payload: (p) => ({ brandId: p.brandId, companyName: 'Acme Energy', verifiedBy: p.adminId }), told: ['brandId'], category: 'verification', title: /verified/ },
  { type: 'brand.rejected', payload: (p) => ({ brandId: p.brandId, companyName: 'Acme Energy', reason: 'Documents unreadable', rejectedBy: p.adminId }), told: ['brandId'], category: 'verification', title: /not approved/ },
  { type: 'streamer.verified', payload: (p) => ({ streamerId: p.streamerId, displayName: 'Nina', verifiedBy: p.adminId }), told: ['streamerId'], category: 'verification', title: /verified/ },
  {
    type: 'streamer.verification_rejected',
    payload: (p) => ({ streamerId: p.streamerId, displayName: 'Nina', reason: 'Channel not found', rejectedBy: p.adminId }),
    told: ['streamerId'],
    category: 'verification',
    title: /not approved/,
  },
  {
    type: 'moderation.content_rejected',
    payload: (p) => ({ itemId: randomUUID(), kind: 'streamer_profile' as const, subjectId: p.streamerId, decidedBy: p.adminId, contentSubmittedAt: '2026-03-01T00:00:00.000Z', reason: 'Offensive name' }),
    told: ['streamerId'],
    category: 'moderation',
    title: /Profile rejected/,
  },
  {
    type: 'moderation.content_rejected',
    payload: (p) => ({ itemId: randomUUID(), kind: 'brand_profile' as const, subjectId: p.brandId, decidedBy: p.adminId, contentSubmittedAt: '2026-03-01T00:00:00.000Z', reason: 'Spam link' }),
    told: ['brandId'],
    category: 'moderation',
    title: /Profile rejected/,
  },
  {
    type: 'moderation.content_rejected',
    payload: (p) => rejectedUpload(p),
    told: ['brandId'],
    category: 'moderation',
    title: /^Creative rejected$/,
    link: () => '/campaigns/new',
  },
];

async function notificationsOf(userIds: string[]) {
  return harness.db.notification.findMany({ where: { userId: { in: userIds } }, orderBy: { userId: 'asc' } });
}

describe('each mapped event tells the right people, and only them', () => {
  it.each(cases.map((c, index) => [`${c.type} #${index}`, c] as const))('%s', async (_name, c) => {
    const p = people();
    const eventId = await harness.send(c.type, c.payload(p));
    // A batched rule tells when its digest is sent, as one notification keyed by the digest.
    const digested = Boolean(notificationRules[c.type]?.digest);
    const toldAt = digested ? new Date(notificationTestNow.getTime() + harness.config.DIGEST_WINDOW_MS) : notificationTestNow;
    if (digested) await harness.service.digests.sweep(toldAt);
    const rows = await notificationsOf([p.brandId, p.streamerId, p.adminId]);
    expect(rows.map((row) => row.userId).sort()).toEqual(c.told.map((who) => p[who]).sort());
    for (const row of rows) {
      const keyedBy = digested ? (await harness.db.digestBatch.findFirstOrThrow({ where: { userId: row.userId } })).id : eventId;
      expect(row).toMatchObject({ eventId: keyedBy, eventType: c.type, category: c.category, inApp: true, readAt: null, archivedAt: null });
      expect(row.createdAt).toEqual(toldAt);
      expect(row.title).toMatch(c.title ?? /./);
      if (c.link) expect(row.link).toBe(c.link(p));
    }
  });

  it('covers every rule of the table', () => {
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(Object.keys(notificationRules)));
  });
});

describe('a rejected creative', () => {
  it('reaches the campaign’s brand, known from its earlier campaign events', async () => {
    const p = people();
    await harness.send('campaign.submitted', campaign(p));
    await harness.send('moderation.content_rejected', {
      itemId: randomUUID(),
      kind: 'campaign_creative',
      subjectId: p.campaignId,
      decidedBy: p.adminId,
      contentSubmittedAt: '2026-03-01T00:00:00.000Z',
      reason: 'Blurry image',
    });
    const rows = await harness.db.notification.findMany({ where: { userId: p.brandId, category: 'moderation' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: 'Creative rejected', link: `/campaigns/${p.campaignId}` });
    expect(rows[0]?.body).toContain('Blurry image');
  });

  it('as an uploaded file reaches its owner with its name and the reason', async () => {
    const p = people();
    const eventId = await harness.send('moderation.content_rejected', rejectedUpload(p));
    const rows = await harness.db.notification.findMany({ where: { eventId } });
    expect(rows.map((row) => row.userId)).toEqual([p.brandId]);
    expect(rows[0]?.body).toBe('A moderator rejected your creative “summer-banner.png”; no campaign can use it: Shows a competitor’s logo');
  });

  it('tells nobody (and does not fail) when the campaign was never seen', async () => {
    const p = people();
    const eventId = await harness.send('moderation.content_rejected', {
      itemId: randomUUID(),
      kind: 'campaign_creative',
      subjectId: p.campaignId,
      decidedBy: p.adminId,
      contentSubmittedAt: '2026-03-01T00:00:00.000Z',
      reason: 'Blurry image',
    });
    expect(await harness.db.notification.count({ where: { eventId } })).toBe(0);
  });
});

describe('redelivery', () => {
  it('notifies once however often the same event arrives', async () => {
    const p = people();
    const id = randomUUID();
    const payload = { ...participation(p), disputeId: randomUUID(), outcome: 'release' as const, streamerCents: 900, brandCents: 0, ...usd };
    await harness.send('payment.participation_dispute_resolved', payload, { id });
    await harness.send('payment.participation_dispute_resolved', payload, { id });
    await harness.send('payment.participation_dispute_resolved', payload, { id });
    expect(await harness.db.notification.count({ where: { eventId: id } })).toBe(2);
  });

  it('refuses a second copy in the database even past the processed-event record', async () => {
    const p = people();
    const id = await harness.send('campaign.approved', { ...campaign(p), approvedBy: p.adminId });
    const [row] = await harness.db.notification.findMany({ where: { eventId: id } });
    await expect(
      harness.db.notification.create({ data: { ...row!, id: randomUUID() } }),
    ).rejects.toThrow(/Unique constraint/);
  });
});

describe('the catalogue', () => {
  it('sends the service exactly the events it handles', () => {
    const subscribed = Object.entries(eventCatalogue)
      .filter(([, entry]) => (entry.subscribers as readonly string[]).includes('notification'))
      .map(([type]) => type)
      .sort();
    expect(subscribed).toEqual([...subscribedEventTypes].sort());
    expect(notifiedEventTypes.length).toBeGreaterThanOrEqual(25);
  });
});
