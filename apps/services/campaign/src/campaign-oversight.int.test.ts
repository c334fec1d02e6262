import type { CampaignInput } from '@gametriggers/contracts';
import {
  adminWith,
  failure,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignHarness } from './testing/campaign-harness';
import { fundedWallets, sampleCampaign, startCampaignHarness } from './testing/campaign-harness';

// Administrators' oversight of campaigns: each action's status, events and ledger effect, and its
// audit record (exactly one, in the same transaction; none for a refused action).

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
const ledger = fundedWallets();
const campaignAdmin = adminWith('canManageCampaigns');
let issuer: TestTokenIssuer;
let harness: CampaignHarness;
let brandToken: string;
let adminToken: string;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: 'http://127.0.0.1:9',
    streamerServiceUrl: 'http://127.0.0.1:9',
    brands: {
      standing: (brandId) =>
        Promise.resolve({ brandId, companyName: 'Acme Energy', verificationStatus: 'verified' }),
    },
    payments: ledger,
    clock,
  });
  brandToken = await issuer.tokenFor(cast.brandA);
  adminToken = await issuer.tokenFor(campaignAdmin);
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const brand = () => harness.client(brandToken);
const admin = () => harness.client(adminToken);
const oversight = () => admin().campaign.oversight;
const reason = 'Viewers reported the creative as misleading.';

async function submitted(overrides: Partial<CampaignInput> = {}) {
  const draft = await brand().campaign.create.mutate(sampleCampaign(overrides, clock.now()));
  return brand().campaign.submit.mutate({ campaignId: draft.id });
}
const active = () => harness.activeCampaign(brandToken, adminToken);

async function campaignEvents(campaignId: string, type: string) {
  return harness.db.$queryRaw<Array<{ payload: Record<string, unknown> }>>`
    SELECT "payload" FROM "outbox_events"
    WHERE "type" = ${type} AND "payload"->>'campaignId' = ${campaignId} ORDER BY "occurredAt"`;
}

/** The audit records of one campaign, oldest first. */
async function auditOf(campaignId: string) {
  const rows = await harness.db.$queryRaw<Array<{ payload: Record<string, unknown> }>>`
    SELECT "payload" FROM "outbox_events"
    WHERE "type" = 'admin.action_recorded' AND "payload"->'subject'->>'id' = ${campaignId}
    ORDER BY "occurredAt", "id"`;
  return rows.map((row) => row.payload);
}

const audited = (action: string, before: object, after: object, why: string | null = reason) => ({
  actor: { adminId: campaignAdmin.userId, adminRole: 'admin' },
  permission: 'canManageCampaigns',
  action,
  subject: expect.objectContaining({ type: 'campaign' }) as unknown,
  before: expect.objectContaining(before) as unknown,
  after: expect.objectContaining(after) as unknown,
  reason: why,
});

describe('review', () => {
  it('records an approval and a rejection once each, with the status before and after', async () => {
    const approved = await active();
    expect(await auditOf(approved.id)).toEqual([
      expect.objectContaining(
        audited('campaign.approve', { status: 'pending_review' }, { status: 'active' }, null),
      ),
    ]);
    const review = await submitted();
    await admin().campaign.reject.mutate({ campaignId: review.id, reason });
    expect(await auditOf(review.id)).toEqual([
      expect.objectContaining(
        audited('campaign.reject', { status: 'pending_review' }, { status: 'rejected' }),
      ),
    ]);
  });
});

describe('emergency pause and lifting it', () => {
  it('pauses an active campaign with its reason, and only an administrator lifts it', async () => {
    const campaign = await active();
    const paused = await oversight().emergencyPause.mutate({ campaignId: campaign.id, reason });
    expect(paused).toMatchObject({
      status: 'paused',
      pausedBy: 'admin',
      pauseReason: reason,
      running: false,
    });
    expect(await campaignEvents(campaign.id, 'campaign.paused')).toMatchObject([
      { payload: { by: 'admin' } },
    ]);
    expect(
      await failure(brand().campaign.resume.mutate({ campaignId: campaign.id })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'paused_by_admin',
    });

    const resumed = await oversight().resume.mutate({
      campaignId: campaign.id,
      reason: 'Creative replaced.',
    });
    expect(resumed).toMatchObject({ status: 'active', pausedBy: null, pauseReason: null });
    expect(await campaignEvents(campaign.id, 'campaign.resumed')).toHaveLength(1);
    expect((await auditOf(campaign.id)).slice(1)).toEqual([
      expect.objectContaining(
        audited(
          'campaign.emergency_pause',
          { status: 'active' },
          { status: 'paused', pausedBy: 'admin' },
        ),
      ),
      expect.objectContaining(
        audited(
          'campaign.resume',
          { status: 'paused' },
          { status: 'active' },
          'Creative replaced.',
        ),
      ),
    ]);
  });

  it('takes over a pause the brand made, so the brand cannot resume it either', async () => {
    const campaign = await active();
    await brand().campaign.pause.mutate({ campaignId: campaign.id });
    const taken = await oversight().emergencyPause.mutate({ campaignId: campaign.id, reason });
    expect(taken).toMatchObject({ status: 'paused', pausedBy: 'admin', pauseReason: reason });
    // Already paused: streamers were told once.
    expect(await campaignEvents(campaign.id, 'campaign.paused')).toHaveLength(1);
    expect(
      await failure(brand().campaign.resume.mutate({ campaignId: campaign.id })),
    ).toMatchObject({
      reason: 'paused_by_admin',
    });
  });

  it('refuses a campaign that is not live, recording nothing', async () => {
    const review = await submitted();
    expect(
      await failure(oversight().emergencyPause.mutate({ campaignId: review.id, reason })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'invalid_status_transition' });
    expect(
      await failure(oversight().resume.mutate({ campaignId: review.id, reason })),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await auditOf(review.id)).toEqual([]);
  });
});

describe('force complete and force cancel', () => {
  it('completes a live campaign as ended by an administrator, with the event the ledger releases on', async () => {
    const campaign = await active();
    await oversight().emergencyPause.mutate({ campaignId: campaign.id, reason });
    const completed = await oversight().forceComplete.mutate({
      campaignId: campaign.id,
      reason: 'Brand asked support to stop.',
    });
    expect(completed).toMatchObject({
      status: 'completed',
      completedReason: 'ended_by_admin',
      closedByAdminReason: 'Brand asked support to stop.',
      activeParticipantCount: 0,
      allowedActions: [],
    });
    expect(await campaignEvents(campaign.id, 'campaign.completed')).toMatchObject([
      { payload: { reason: 'ended_by_admin' } },
    ]);
    expect((await auditOf(campaign.id)).at(-1)).toEqual(
      expect.objectContaining(
        audited(
          'campaign.force_complete',
          { status: 'paused' },
          { status: 'completed' },
          'Brand asked support to stop.',
        ),
      ),
    );
    await expect(brand().campaign.get.query({ campaignId: campaign.id })).resolves.toMatchObject({
      closedByAdminReason: 'Brand asked support to stop.',
    });
  });

  it('cancels a campaign in review or live, as cancelled by an administrator', async () => {
    for (const campaign of [await submitted(), await active()]) {
      const cancelled = await oversight().forceCancel.mutate({ campaignId: campaign.id, reason });
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'admin',
        closedByAdminReason: reason,
      });
      expect(await campaignEvents(campaign.id, 'campaign.cancelled')).toMatchObject([
        { payload: { by: 'admin' } },
      ]);
      expect(
        (await auditOf(campaign.id)).filter((entry) => entry.action === 'campaign.force_cancel'),
      ).toHaveLength(1);
    }
  });

  it('refuses a campaign that is already closed, recording nothing more', async () => {
    const campaign = await active();
    await brand().campaign.end.mutate({ campaignId: campaign.id });
    const before = await auditOf(campaign.id);
    for (const call of [oversight().forceComplete, oversight().forceCancel]) {
      expect(await failure(call.mutate({ campaignId: campaign.id, reason }))).toMatchObject({
        code: 'CONFLICT',
        reason: 'invalid_status_transition',
      });
    }
    expect(await auditOf(campaign.id)).toEqual(before);
    expect(
      await failure(
        oversight().forceComplete.mutate({
          campaignId: '00000000-0000-4000-8000-000000000000',
          reason,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('budget override', () => {
  it('moves the difference through the ledger and the remaining budget by the same amount', async () => {
    const campaign = await active();
    await harness.db.campaign.update({
      where: { id: campaign.id },
      data: { remainingBudgetCents: 400_000 },
    });

    const raised = await oversight().overrideBudget.mutate({
      campaignId: campaign.id,
      budgetCents: 700_000,
      reason,
    });
    expect(raised).toMatchObject({
      budgetCents: 700_000,
      remainingBudgetCents: 600_000,
      spentCents: 100_000,
    });
    expect(ledger.reservations.get(campaign.id)?.budgetCents).toBe(700_000);

    const lowered = await oversight().overrideBudget.mutate({
      campaignId: campaign.id,
      budgetCents: 150_000,
      reason: 'Brand dispute settled.',
    });
    expect(lowered).toMatchObject({ budgetCents: 150_000, remainingBudgetCents: 50_000 });
    expect(ledger.reservations.get(campaign.id)?.budgetCents).toBe(150_000);
    expect((await auditOf(campaign.id)).slice(1)).toEqual([
      expect.objectContaining(
        audited(
          'campaign.override_budget',
          { budgetCents: 500_000 },
          { budgetCents: 700_000, remainingBudgetCents: 600_000 },
        ),
      ),
      expect.objectContaining(
        audited(
          'campaign.override_budget',
          { budgetCents: 700_000 },
          { budgetCents: 150_000 },
          'Brand dispute settled.',
        ),
      ),
    ]);
  });

  it('refuses below what is spent, the same budget, and a campaign not live, changing nothing', async () => {
    const campaign = await active();
    await harness.db.campaign.update({
      where: { id: campaign.id },
      data: { remainingBudgetCents: 300_000 },
    });
    expect(
      await failure(
        oversight().overrideBudget.mutate({
          campaignId: campaign.id,
          budgetCents: 100_000,
          reason,
        }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'budget_below_spent' });
    expect(
      await failure(
        oversight().overrideBudget.mutate({
          campaignId: campaign.id,
          budgetCents: 500_000,
          reason,
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', reason: 'budget_unchanged' });
    const review = await submitted();
    expect(
      await failure(
        oversight().overrideBudget.mutate({ campaignId: review.id, budgetCents: 200_000, reason }),
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'invalid_status_transition' });
    expect(ledger.reservations.get(campaign.id)?.budgetCents).toBe(500_000);
    expect((await auditOf(campaign.id)).map((entry) => entry.action)).toEqual(['campaign.approve']);
    expect(await auditOf(review.id)).toEqual([]);
  });
});

describe('the admin campaign table', () => {
  it('filters by status, brand and text, sorts, and pages with cursors of its sort', async () => {
    const otherBrand = await issuer.tokenFor(cast.brandB);
    const mine = await brand().campaign.create.mutate(
      sampleCampaign({ title: 'Zephyr Energy launch', budgetCents: 900_000 }, clock.now()),
    );
    const theirs = await harness
      .client(otherBrand)
      .campaign.create.mutate(
        sampleCampaign({ title: 'Zephyr Gear', budgetCents: 800_000 }, clock.now()),
      );

    const byText = await admin().campaign.adminList.query({ query: 'zephyr', limit: 100 });
    expect(byText.items.map((item) => item.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(byText.counts.draft).toBe(2);
    const byBrand = await admin().campaign.adminList.query({
      query: 'ZEPHYR',
      brandId: cast.brandB.userId,
      limit: 100,
    });
    expect(byBrand.items.map((item) => item.id)).toEqual([theirs.id]);
    const byStatus = await admin().campaign.adminList.query({
      query: 'zephyr',
      status: 'active',
      limit: 100,
    });
    expect(byStatus.items).toEqual([]);
    expect(byStatus.counts.draft).toBe(2);

    const all = await admin().campaign.adminList.query({
      sortBy: 'budgetCents',
      direction: 'desc',
      limit: 100,
    });
    const budgets = all.items.map((item) => item.budgetCents);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
    expect(all.items.slice(0, 2).map((item) => item.id)).toEqual([mine.id, theirs.id]);

    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin().campaign.adminList.query({
        sortBy: 'budgetCents',
        direction: 'desc',
        limit: 3,
        cursor,
      });
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.items.map((item) => item.id));

    const { nextCursor: oldestCursor } = await admin().campaign.adminList.query({ limit: 1 });
    expect(
      await failure(
        admin().campaign.adminList.query({
          sortBy: 'budgetCents',
          direction: 'desc',
          cursor: oldestCursor ?? undefined,
        }),
      ),
    ).toMatchObject({ reason: 'invalid_cursor' });
  });
});
