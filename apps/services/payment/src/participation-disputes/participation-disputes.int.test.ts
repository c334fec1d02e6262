import { randomUUID } from 'node:crypto';
import {
  adminWith,
  errorOf,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import { checkLedger } from '../ledger/ledger-check';
import { reserveCampaignBudget } from '../money/campaign-budget';
import { chargeParticipationHours } from '../money/charging';
import { matureEarnings } from '../money/earnings';
import { holdWithdrawal } from '../money/withdrawals';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';

type Client = ReturnType<PaymentHarness['client']>;

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
const brandId = cast.brandA.userId;
const streamerId = cast.streamerA.userId;
const DAY_MS = 86_400_000;
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
let brandA: Client;
let brandB: Client;
let streamerA: Client;
let streamerB: Client;
let disputesAdmin: Client;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  brandA = harness.client(await issuer.tokenFor(cast.brandA));
  brandB = harness.client(await issuer.tokenFor(cast.brandB));
  streamerA = harness.client(await issuer.tokenFor(cast.streamerA));
  streamerB = harness.client(await issuer.tokenFor(cast.streamerB));
  disputesAdmin = harness.client(await issuer.tokenFor(adminWith('canManageDisputes')));
  await harness.fundWallet(brandId, 1_000_000);
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const balance = async (code: string) =>
  Number((await harness.transaction((tx) => balanceOf(tx, code))).available);
const streamerPending = () => balance(accounts.streamerPending(streamerId).code);
const streamerAvailable = () => balance(accounts.streamerAvailable(streamerId).code);
const brandWallet = () => balance(accounts.brandWallet(brandId).code);
const disputesHeld = () => balance(accounts.disputesHeld().code);

/**
 * A new campaign of brand A and streamer A's participation in it, charged `hours` hours of 2,000
 * impressions at $5 CPM ($10 each, $8 earned after the 20 % fee); the first `matured` of them are
 * matured (available), the rest still pending.
 */
async function participationWithEarnings(hours: number, matured: number) {
  const campaignId = randomUUID();
  const participationId = randomUUID();
  await harness.transaction((tx) =>
    reserveCampaignBudget(tx, harness.deps, {
      campaignId,
      brandId,
      budgetCents: 100_000,
      pricingModel: 'cpm',
      rateCents: 500,
      perStreamerCapCents: null,
    }),
  );
  for (let hour = 0; hour < hours; hour++) {
    await harness.transaction((tx) =>
      chargeParticipationHours(tx, harness.deps, [
        {
          participationId,
          campaignId,
          streamerId,
          hourStart: new Date(Date.UTC(2026, 0, 10, hour)).toISOString(),
          impressions: 2000,
          clicks: 0,
          revision: 1,
        },
      ]),
    );
  }
  if (matured > 0) {
    const lots = await harness.db.earningsLot.findMany({
      where: { campaignId },
      orderBy: { id: 'asc' },
      take: matured,
    });
    await harness.db.earningsLot.updateMany({
      where: { id: { in: lots.map((lot) => lot.id) } },
      data: { availableAt: new Date(clock.now().getTime() - 1) },
    });
    await harness.transaction((tx) => matureEarnings(tx, harness.deps));
  }
  return { campaignId, participationId };
}

const evidence = {
  evidenceText: 'The overlay was hidden for most of the stream.',
  evidenceLinks: ['https://clips.example.com/1'],
};

/** `ok`, or the code of the error the call was refused with. */
const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (error: unknown) => errorOf(error).code,
  );

const outboxOf = (type: string) => harness.db.outboxEvent.findMany({ where: { type } });

describe('opening a participation dispute', () => {
  it('holds the streamer’s pending and available earnings from that participation', async () => {
    const { participationId } = await participationWithEarnings(3, 1);
    const [pendingBefore, availableBefore, heldBefore] = [
      await streamerPending(),
      await streamerAvailable(),
      await disputesHeld(),
    ];
    const opened = await brandA.payment.disputes.brand.open.mutate({
      participationId,
      reason: 'The overlay was not shown',
      ...evidence,
    });
    expect(opened.heldCents).toBe(2400);
    expect(await streamerPending()).toBe(pendingBefore - 1600);
    expect(await streamerAvailable()).toBe(availableBefore - 800);
    expect(await disputesHeld()).toBe(heldBefore + 2400);
    const dispute = await brandA.payment.disputes.brand.get.query({ disputeId: opened.disputeId });
    expect(dispute).toMatchObject({
      participationId,
      openedBy: 'brand',
      status: 'open',
      heldPendingCents: 1600,
      heldAvailableCents: 800,
      evidenceLinks: ['https://clips.example.com/1'],
    });
    expect(
      (await outboxOf('payment.participation_dispute_opened')).map((event) => event.payload),
    ).toContainEqual(
      expect.objectContaining({ disputeId: opened.disputeId, heldCents: 2400, openedBy: 'brand' }),
    );

    // Held pending earnings do not mature, and the streamer's pending lots no longer list them.
    const later = { ...harness.deps, now: () => new Date(clock.now().getTime() + 30 * DAY_MS) };
    const pendingNow = await streamerPending();
    await harness.transaction((tx) => matureEarnings(tx, later));
    expect(await streamerPending()).toBe(pendingNow);
    const summary = await streamerA.payment.earnings.summary.query();
    expect(summary.pendingLots.filter((lot) => lot.campaignId === dispute.campaignId)).toEqual([]);
  });

  it('holds only what is still available when part of it is being withdrawn', async () => {
    const { participationId } = await participationWithEarnings(2, 2);
    const available = await streamerAvailable();
    // Everything available but $5 leaves in a withdrawal.
    await harness.transaction((tx) =>
      holdWithdrawal(tx, harness.deps, {
        withdrawalId: randomUUID(),
        streamerId,
        amountCents: available - 500,
      }),
    );
    const opened = await streamerA.payment.disputes.streamer.open.mutate({
      participationId,
      reason: 'The brand asks for a refund unfairly',
      ...evidence,
    });
    expect(opened.heldCents).toBe(500);
    expect(await streamerAvailable()).toBe(0);
  });

  it('refuses a participation that is not the caller’s', async () => {
    const { participationId } = await participationWithEarnings(1, 0);
    const open = { participationId, reason: 'Not mine', ...evidence };
    expect(await codeOf(brandB.payment.disputes.brand.open.mutate(open))).toBe('NOT_FOUND');
    expect(await codeOf(streamerB.payment.disputes.streamer.open.mutate(open))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        brandA.payment.disputes.brand.open.mutate({ ...open, participationId: randomUUID() }),
      ),
    ).toBe('NOT_FOUND');
    expect(await harness.db.participationDispute.count({ where: { participationId } })).toBe(0);
  });

  it('allows one open dispute per participation, whoever opens it and however many race', async () => {
    const { participationId } = await participationWithEarnings(1, 0);
    const open = { participationId, reason: 'Both sides at once', ...evidence };
    const results = await Promise.allSettled([
      brandA.payment.disputes.brand.open.mutate(open),
      streamerA.payment.disputes.streamer.open.mutate(open),
      brandA.payment.disputes.brand.open.mutate(open),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(errorOf(result.reason).code).toBe('CONFLICT');
    }
    expect(await harness.db.participationDispute.count({ where: { participationId } })).toBe(1);
  });
});

describe('the other side’s response', () => {
  it('is given once, by the party that did not open the dispute', async () => {
    const { participationId } = await participationWithEarnings(1, 0);
    const { disputeId } = await brandA.payment.disputes.brand.open.mutate({
      participationId,
      reason: 'Hidden overlay',
      ...evidence,
    });
    const response = {
      disputeId,
      evidenceText: 'It was visible; see the VOD.',
      evidenceLinks: ['https://vod.example.com/9'],
    };
    expect(await codeOf(brandA.payment.disputes.brand.respond.mutate(response))).toBe('CONFLICT');
    expect(await codeOf(streamerB.payment.disputes.streamer.respond.mutate(response))).toBe(
      'NOT_FOUND',
    );
    await streamerA.payment.disputes.streamer.respond.mutate(response);
    expect(await codeOf(streamerA.payment.disputes.streamer.respond.mutate(response))).toBe(
      'CONFLICT',
    );
    expect(await streamerA.payment.disputes.streamer.get.query({ disputeId })).toMatchObject({
      responseText: 'It was visible; see the VOD.',
      responseLinks: ['https://vod.example.com/9'],
    });
  });
});

describe('resolving a participation dispute', () => {
  async function openedDispute() {
    const { participationId } = await participationWithEarnings(2, 1);
    const { disputeId, heldCents } = await brandA.payment.disputes.brand.open.mutate({
      participationId,
      reason: 'Clicks look fake',
      ...evidence,
    });
    expect(heldCents).toBe(1600);
    return disputeId;
  }

  async function balancesNow() {
    return {
      available: await streamerAvailable(),
      wallet: await brandWallet(),
      held: await disputesHeld(),
    };
  }

  it('release: the held money becomes the streamer’s available earnings', async () => {
    const disputeId = await openedDispute();
    const before = await balancesNow();
    const resolved = await disputesAdmin.payment.disputes.admin.resolve.mutate({
      disputeId,
      outcome: 'release',
      reason: 'The stream shows the overlay throughout',
    });
    expect(resolved).toMatchObject({ outcome: 'release', streamerCents: 1600, brandCents: 0 });
    expect(await balancesNow()).toEqual({
      available: before.available + 1600,
      wallet: before.wallet,
      held: before.held - 1600,
    });
    expect(await streamerA.payment.disputes.streamer.get.query({ disputeId })).toMatchObject({
      status: 'resolved',
      outcome: 'release',
      resolutionReason: 'The stream shows the overlay throughout',
    });
  });

  it('refund: the held money goes to the brand’s wallet (the platform keeps its fee)', async () => {
    const disputeId = await openedDispute();
    const before = await balancesNow();
    await disputesAdmin.payment.disputes.admin.resolve.mutate({
      disputeId,
      outcome: 'refund',
      reason: 'Bot traffic',
    });
    expect(await balancesNow()).toEqual({
      available: before.available,
      wallet: before.wallet + 1600,
      held: before.held - 1600,
    });
  });

  it('split: the streamer receives the amount named and the brand the rest', async () => {
    const disputeId = await openedDispute();
    const before = await balancesNow();
    const tooMuch = disputesAdmin.payment.disputes.admin.resolve.mutate({
      disputeId,
      outcome: 'split',
      streamerShareCents: 1601,
      reason: 'Half the hours counted',
    });
    expect(await codeOf(tooMuch)).toBe('BAD_REQUEST');
    const resolved = await disputesAdmin.payment.disputes.admin.resolve.mutate({
      disputeId,
      outcome: 'split',
      streamerShareCents: 600,
      reason: 'Half the hours counted',
    });
    expect(resolved).toMatchObject({ streamerCents: 600, brandCents: 1000 });
    expect(await balancesNow()).toEqual({
      available: before.available + 600,
      wallet: before.wallet + 1000,
      held: before.held - 1600,
    });
    const resolvedEvents = (await outboxOf('payment.participation_dispute_resolved')).map(
      (event) => event.payload,
    );
    expect(resolvedEvents).toContainEqual(
      expect.objectContaining({
        disputeId,
        outcome: 'split',
        streamerCents: 600,
        brandCents: 1000,
      }),
    );
    const audit = (await outboxOf('admin.action_recorded')).map((event) => event.payload);
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'payment.participation_dispute.resolve',
        permission: 'canManageDisputes',
        subject: { type: 'participation_dispute', id: disputeId },
        reason: 'Half the hours counted',
      }),
    );
  });

  it('is refused a second time, however many race, and moves the money once', async () => {
    const disputeId = await openedDispute();
    const before = await balancesNow();
    const results = await Promise.allSettled([
      disputesAdmin.payment.disputes.admin.resolve.mutate({
        disputeId,
        outcome: 'release',
        reason: 'First',
      }),
      disputesAdmin.payment.disputes.admin.resolve.mutate({
        disputeId,
        outcome: 'refund',
        reason: 'Second',
      }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(errorOf((refused as PromiseRejectedResult).reason).code).toBe('CONFLICT');
    const after = await balancesNow();
    expect(after.held).toBe(before.held - 1600);
    expect(after.available - before.available + (after.wallet - before.wallet)).toBe(1600);
    const again = disputesAdmin.payment.disputes.admin.resolve.mutate({
      disputeId,
      outcome: 'refund',
      reason: 'Third',
    });
    expect(await codeOf(again)).toBe('CONFLICT');
  });

  it('lists the queue oldest first with filters, a page at a time', async () => {
    const page = await disputesAdmin.payment.disputes.admin.list.query({
      status: 'open',
      openedBy: 'brand',
      limit: 1,
    });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ status: 'open', openedBy: 'brand' });
    const next = await disputesAdmin.payment.disputes.admin.list.query({
      status: 'open',
      openedBy: 'brand',
      limit: 100,
      cursor: page.nextCursor!,
    });
    expect(next.items.map((item) => item.id)).not.toContain(page.items[0]!.id);
    const resolved = await disputesAdmin.payment.disputes.admin.list.query({
      status: 'resolved',
      limit: 100,
    });
    expect(resolved.items.length).toBeGreaterThanOrEqual(4);
    expect(resolved.items.every((item) => item.status === 'resolved' && item.resolvedBy)).toBe(
      true,
    );
    const mine = await streamerB.payment.disputes.streamer.listMine.query({});
    expect(mine.items).toEqual([]);
  });

  it('leaves a ledger whose every check passes', async () => {
    expect((await harness.transaction((tx) => checkLedger(tx))).problems).toEqual([]);
  });
});
