import { randomUUID } from 'node:crypto';
import type { CampaignInput } from '@gametriggers/contracts';
import type { PaymentHarness } from '@gametriggers/payment-service/testing';
import { startPaymentHarness } from '@gametriggers/payment-service/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { failure, fixedClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignHarness } from './testing/campaign-harness';
import { sampleCampaign, startCampaignHarness } from './testing/campaign-harness';
import { eventually } from './testing/eventually';

// The campaign service against the real payment service: approval reserves the budget in its
// ledger, live budget edits move the difference, and its charges complete a spent campaign.

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
let issuer: TestTokenIssuer;
let payments: PaymentHarness;
let campaigns: CampaignHarness;
let brandToken: string;
let adminToken: string;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  payments = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  // Sharing the ledger's queues: campaign.* events reach it, and its charges come back.
  campaigns = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: 'http://127.0.0.1:9',
    streamerServiceUrl: 'http://127.0.0.1:9',
    brands: {
      standing: (brandId) => Promise.resolve({ brandId, companyName: 'Acme Energy', verificationStatus: 'verified' }),
    },
    paymentServiceUrl: payments.url,
    queuePrefix: payments.config.queuePrefix,
    clock,
    sweepEveryMs: 1_000,
  });
  brandToken = await issuer.tokenFor(cast.brandA);
  adminToken = await issuer.tokenFor(cast.superAdmin);
});

afterAll(async () => {
  await campaigns.close();
  await payments.close();
  await issuer.close();
});

const brand = () => campaigns.client(brandToken);
const admin = () => campaigns.client(adminToken);
const ledgerBudget = (campaignId: string) =>
  payments.serviceClient('test').payment.internal.campaignBudget.query({ campaignId });

/** A submitted $500 CPM campaign ($15 per 1,000 impressions) whose start has come. */
async function submitted(overrides: Partial<CampaignInput> = {}) {
  const startsAt = new Date(clock.now().getTime() + 60_000);
  const draft = await brand().campaign.create.mutate(
    sampleCampaign({ startsAt, endsAt: new Date(startsAt.getTime() + 30 * 86_400_000), budgetCents: 50_000, ...overrides }, clock.now()),
  );
  await brand().campaign.submit.mutate({ campaignId: draft.id });
  clock.advance(61_000);
  return draft;
}

describe('approval reserves the budget in the payment ledger', () => {
  it('refuses while the wallet is short, says by how much to admin and brand, and approves once topped up', async () => {
    const draft = await submitted();
    await payments.fundWallet(draft.brandId, 20_000);

    const refused = await failure(admin().campaign.approve.mutate({ campaignId: draft.id }));
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'wallet_short' });
    expect(refused.message).toBe("The brand's wallet is short by $300.00");
    await expect(brand().campaign.get.query({ campaignId: draft.id })).resolves.toMatchObject({
      status: 'pending_review',
      walletShortByCents: 30_000,
    });
    await expect(failure(ledgerBudget(draft.id))).resolves.toMatchObject({ code: 'NOT_FOUND' });

    await payments.fundWallet(draft.brandId, 30_000);
    const approved = await admin().campaign.approve.mutate({ campaignId: draft.id });
    expect(approved).toMatchObject({ status: 'active', walletShortByCents: null });
    await expect(ledgerBudget(draft.id)).resolves.toEqual({ reservedCents: 50_000, spentCents: 0, leftCents: 50_000 });
  });

  it('moves a live budget change through the ledger, refusing an increase the wallet cannot pay', async () => {
    const draft = await submitted();
    await payments.fundWallet(draft.brandId, 50_000);
    await admin().campaign.approve.mutate({ campaignId: draft.id });

    const raise = await failure(
      brand().campaign.update.mutate({ campaignId: draft.id, patch: { budgetCents: 60_000 } }),
    );
    expect(raise).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'wallet_short' });
    expect(raise.message).toBe("The brand's wallet is short by $100.00");
    await expect(brand().campaign.get.query({ campaignId: draft.id })).resolves.toMatchObject({ budgetCents: 50_000 });
    await expect(ledgerBudget(draft.id)).resolves.toMatchObject({ reservedCents: 50_000 });

    const lowered = await brand().campaign.update.mutate({ campaignId: draft.id, patch: { budgetCents: 40_000 } });
    expect(lowered).toMatchObject({ budgetCents: 40_000, remainingBudgetCents: 40_000 });
    await expect(ledgerBudget(draft.id)).resolves.toEqual({ reservedCents: 40_000, spentCents: 0, leftCents: 40_000 });
  });
});

describe('an administrator’s budget override', () => {
  it('reserves an increase from the wallet, refusing what it cannot pay, and releases a decrease', async () => {
    const draft = await submitted();
    await payments.fundWallet(draft.brandId, 60_000);
    await admin().campaign.approve.mutate({ campaignId: draft.id });
    const reason = 'Agreed with the brand on a support call.';

    const refused = await failure(
      admin().campaign.oversight.overrideBudget.mutate({ campaignId: draft.id, budgetCents: 80_000, reason }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'wallet_short' });
    expect(refused.message).toMatch(/^The brand's wallet is short by \$/);
    await expect(ledgerBudget(draft.id)).resolves.toMatchObject({ reservedCents: 50_000 });

    await admin().campaign.oversight.overrideBudget.mutate({ campaignId: draft.id, budgetCents: 60_000, reason });
    await expect(ledgerBudget(draft.id)).resolves.toEqual({ reservedCents: 60_000, spentCents: 0, leftCents: 60_000 });
    const lowered = await admin().campaign.oversight.overrideBudget.mutate({ campaignId: draft.id, budgetCents: 20_000, reason });
    expect(lowered).toMatchObject({ budgetCents: 20_000, remainingBudgetCents: 20_000 });
    await expect(ledgerBudget(draft.id)).resolves.toEqual({ reservedCents: 20_000, spentCents: 0, leftCents: 20_000 });
  });

  it('a force cancel releases the unspent escrow to the wallet', async () => {
    const draft = await submitted();
    await payments.fundWallet(draft.brandId, 50_000);
    await admin().campaign.approve.mutate({ campaignId: draft.id });
    await admin().campaign.oversight.forceCancel.mutate({ campaignId: draft.id, reason: 'Fraudulent brand account.' });
    await expect(
      eventually(async () => {
        const budget = await ledgerBudget(draft.id);
        return budget.leftCents === 0 ? budget : null;
      }),
    ).resolves.toMatchObject({ reservedCents: 50_000, leftCents: 0 });
  });
});

describe('charges from the ledger', () => {
  it('set what is left of the budget, and the sweep completes a spent campaign', async () => {
    const draft = await submitted();
    await payments.fundWallet(draft.brandId, 50_000);
    await admin().campaign.approve.mutate({ campaignId: draft.id });
    const hour = {
      participationId: randomUUID(),
      campaignId: draft.id,
      streamerId: randomUUID(),
      hourStart: new Date(clock.now().getTime() - 3_600_000).toISOString(),
      clicks: 0,
    };

    // 20,000 impressions at $15 CPM: $300 of $500.
    await payments.sendEvent('analytics.participation_hour_counted', { ...hour, impressions: 20_000, revision: 1 }, { occurredAt: clock.now() });
    const charged = await eventually(async () => {
      const campaign = await brand().campaign.get.query({ campaignId: draft.id });
      return campaign.spentCents > 0 ? campaign : null;
    });
    expect(charged).toMatchObject({ status: 'active', spentCents: 30_000, remainingBudgetCents: 20_000 });

    // A re-count to 40,000 impressions would cost $600: capped at the $200 left, and the campaign is spent.
    await payments.sendEvent('analytics.participation_hour_counted', { ...hour, impressions: 40_000, revision: 2 }, { occurredAt: clock.now() });
    const completed = await eventually(async () => {
      const campaign = await brand().campaign.get.query({ campaignId: draft.id });
      return campaign.status === 'completed' ? campaign : null;
    });
    expect(completed).toMatchObject({ completedReason: 'budget_spent', spentCents: 50_000, remainingBudgetCents: 0 });
    await expect(ledgerBudget(draft.id)).resolves.toMatchObject({ reservedCents: 50_000, spentCents: 50_000, leftCents: 0 });
  });
});
