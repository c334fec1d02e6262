import { accounts } from '../ledger/chart-of-accounts';

/** The fee shards, summed: which shard a charge credits depends on which were busy at the time. */
export const PLATFORM_FEES = 'platform:fees:USD';

/**
 * An in-memory reference of the money rules, written apart from the service's code: it predicts
 * the result of each operation and the balance of every account, and the idempotency keys that
 * must have taken effect. The model test runs the service and this side by side.
 */

export type Refusal = { refused: string; shortByCents?: number };

export interface CampaignModel {
  campaignId: string;
  brandId: string;
  pricingModel: 'cpm' | 'cpc';
  rateCents: bigint;
  capCents: bigint | null;
  budgetCents: bigint;
  spentCents: bigint;
  adjustments: number;
  state: 'unreserved' | 'reserved' | 'released';
}

interface HourModel {
  revision: number;
  chargedCents: bigint;
}

interface Hold {
  amount: bigint;
  state: 'held' | 'posted' | 'voided';
  postedCents: bigint;
  payout: 'none' | 'paid' | 'failed';
}

export class LedgerModel {
  readonly balances = new Map<string, bigint>();
  readonly keys = new Set<string>();
  readonly campaigns = new Map<string, CampaignModel>();
  private readonly hours = new Map<string, HourModel>();
  private readonly streamerSpend = new Map<string, bigint>();
  /** Unmatured earnings per streamer (become available at the next maturing). */
  private readonly unmatured = new Map<string, bigint>();
  lots = 0;
  maturedLots = 0;
  readonly withdrawals = new Map<string, Hold & { streamerId: string }>();
  readonly refunds = new Map<string, Hold & { brandId: string }>();
  readonly disputes = new Map<string, { brandId: string; held: bigint; closed: boolean }>();

  constructor(private readonly feeBps: bigint) {}

  balance(code: string) {
    return this.balances.get(code) ?? 0n;
  }

  /** Moves `amount` from one account's normal balance to another's (debit-normal clearing counts the other way). */
  private move(from: string, to: string, amount: bigint) {
    const clearing = accounts.clearing().code;
    this.balances.set(from, this.balance(from) + (from === clearing ? amount : -amount));
    this.balances.set(to, this.balance(to) + (to === clearing ? -amount : amount));
  }

  deposit(brandId: string, paymentIntentId: string, amount: bigint) {
    const key = `deposit:${paymentIntentId}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.move(accounts.clearing().code, accounts.brandWallet(brandId).code, amount);
  }

  reserve(campaign: CampaignModel): { reservedCents: number } | Refusal {
    if (campaign.state !== 'unreserved') return { reservedCents: Number(campaign.budgetCents) };
    const wallet = accounts.brandWallet(campaign.brandId).code;
    const short = campaign.budgetCents - this.balance(wallet);
    if (short > 0n) return { refused: 'wallet_short', shortByCents: Number(short) };
    this.keys.add(`reserve:${campaign.campaignId}`);
    this.move(wallet, accounts.campaignEscrow(campaign.campaignId).code, campaign.budgetCents);
    campaign.state = 'reserved';
    return { reservedCents: Number(campaign.budgetCents) };
  }

  adjust(campaign: CampaignModel, budget: bigint): { reservedCents: number } | Refusal {
    if (campaign.state === 'unreserved') return { refused: 'budget_not_reserved' };
    if (campaign.state === 'released') return { refused: 'campaign_settled' };
    if (budget === campaign.budgetCents) return { reservedCents: Number(budget) };
    if (budget < campaign.spentCents) return { refused: 'budget_below_spent' };
    const wallet = accounts.brandWallet(campaign.brandId).code;
    const escrow = accounts.campaignEscrow(campaign.campaignId).code;
    const difference = budget - campaign.budgetCents;
    if (difference > this.balance(wallet))
      return { refused: 'wallet_short', shortByCents: Number(difference - this.balance(wallet)) };
    campaign.adjustments += 1;
    this.keys.add(`adjust:${campaign.campaignId}:${budget}:${campaign.adjustments}`);
    if (difference > 0n) this.move(wallet, escrow, difference);
    else this.move(escrow, wallet, -difference);
    campaign.budgetCents = budget;
    return { reservedCents: Number(budget) };
  }

  chargeHour(hour: {
    participationId: string;
    campaignId: string;
    streamerId: string;
    hourStart: string;
    impressions: number;
    clicks: number;
    revision: number;
  }): { status: 'stale' } | { status: 'applied'; chargedCents: number; cappedCents: number } {
    const id = `${hour.participationId}|${hour.hourStart}`;
    const state = this.hours.get(id) ?? { revision: 0, chargedCents: 0n };
    if (hour.revision <= state.revision) return { status: 'stale' };
    state.revision = hour.revision;
    this.hours.set(id, state);
    const campaign = this.campaigns.get(hour.campaignId);
    if (!campaign || campaign.state === 'unreserved')
      return { status: 'applied', chargedCents: 0, cappedCents: 0 };
    const price =
      campaign.pricingModel === 'cpm'
        ? (BigInt(hour.impressions) * campaign.rateCents) / 1000n
        : BigInt(hour.clicks) * campaign.rateCents;
    const due = price - state.chargedCents;
    if (due <= 0n) return { status: 'applied', chargedCents: 0, cappedCents: 0 };
    const spendKey = `${hour.campaignId}|${hour.streamerId}`;
    const escrow = accounts.campaignEscrow(campaign.campaignId).code;
    let amount = due;
    if (campaign.capCents !== null) {
      const capLeft = campaign.capCents - (this.streamerSpend.get(spendKey) ?? 0n);
      if (capLeft < amount) amount = capLeft;
    }
    if (this.balance(escrow) < amount) amount = this.balance(escrow);
    if (amount <= 0n) return { status: 'applied', chargedCents: 0, cappedCents: Number(due) };
    const key = `charge:${hour.participationId}:${hour.hourStart}:r${hour.revision}`;
    this.keys.add(key);
    const fee = (amount * this.feeBps) / 10_000n;
    const earnings = amount - fee;
    this.move(escrow, accounts.streamerPending(hour.streamerId).code, earnings);
    this.move(escrow, PLATFORM_FEES, fee);
    if (earnings > 0n) {
      this.unmatured.set(hour.streamerId, (this.unmatured.get(hour.streamerId) ?? 0n) + earnings);
      this.lots += 1;
    }
    state.chargedCents += amount;
    campaign.spentCents += amount;
    this.streamerSpend.set(spendKey, (this.streamerSpend.get(spendKey) ?? 0n) + amount);
    return { status: 'applied', chargedCents: Number(amount), cappedCents: Number(due - amount) };
  }

  release(campaign: CampaignModel): { releasedCents: number } {
    if (campaign.state !== 'reserved') return { releasedCents: 0 };
    const escrow = accounts.campaignEscrow(campaign.campaignId).code;
    const left = this.balance(escrow);
    if (left > 0n) {
      this.keys.add(`release:${campaign.campaignId}`);
      this.move(escrow, accounts.brandWallet(campaign.brandId).code, left);
    }
    campaign.state = 'released';
    return { releasedCents: Number(left) };
  }

  /** Every unmatured lot becomes available (the clock has passed the hold of all of them). */
  matureAll() {
    for (const [streamerId, amount] of this.unmatured) {
      this.move(
        accounts.streamerPending(streamerId).code,
        accounts.streamerAvailable(streamerId).code,
        amount,
      );
    }
    this.unmatured.clear();
    this.maturedLots = this.lots;
  }

  holdWithdrawal(withdrawalId: string, streamerId: string, amount: bigint): 'ok' | Refusal {
    const existing = this.withdrawals.get(withdrawalId);
    if (existing) return 'ok';
    const available = accounts.streamerAvailable(streamerId).code;
    if (this.balance(available) < amount)
      return { refused: 'earnings_short', shortByCents: Number(amount - this.balance(available)) };
    this.keys.add(`withdrawal:${withdrawalId}:hold`);
    // A pending credit is not spendable yet: in transit counts it only once the hold is posted.
    this.balances.set(available, this.balance(available) - amount);
    this.withdrawals.set(withdrawalId, {
      streamerId,
      amount,
      state: 'held',
      postedCents: 0n,
      payout: 'none',
    });
    return 'ok';
  }

  /** The hold ends posted (`post` cents of it) or voided; a second, different resolution is refused. */
  resolveWithdrawal(withdrawalId: string, outcome: { post: bigint } | 'void'): 'ok' | Refusal {
    const hold = this.withdrawals.get(withdrawalId);
    if (!hold) return { refused: 'withdrawal_not_found' };
    const wanted = outcome === 'void' ? 'voided' : 'posted';
    if (hold.state === wanted && (outcome === 'void' || outcome.post === hold.postedCents))
      return 'ok';
    if (hold.state === wanted) return { refused: 'exists_with_different_amount' };
    if (hold.state !== 'held') return { refused: 'hold_already_resolved' };
    const available = accounts.streamerAvailable(hold.streamerId).code;
    if (outcome === 'void') {
      this.keys.add(`withdrawal:${withdrawalId}:void`);
      this.balances.set(available, this.balance(available) + hold.amount);
      hold.state = 'voided';
    } else {
      this.keys.add(`withdrawal:${withdrawalId}:post`);
      this.balances.set(available, this.balance(available) + hold.amount - outcome.post);
      const inTransit = accounts.payoutsInTransit().code;
      this.balances.set(inTransit, this.balance(inTransit) + outcome.post);
      hold.state = 'posted';
      hold.postedCents = outcome.post;
    }
    return 'ok';
  }

  settlePayout(withdrawalId: string, outcome: 'paid' | 'failed'): 'ok' | Refusal {
    const hold = this.withdrawals.get(withdrawalId)!;
    if (hold.payout === outcome) return 'ok';
    if (hold.payout !== 'none') return { refused: 'payout_already_settled' };
    this.keys.add(`payout:${withdrawalId}:${outcome}`);
    this.move(
      accounts.payoutsInTransit().code,
      outcome === 'paid'
        ? accounts.clearing().code
        : accounts.streamerAvailable(hold.streamerId).code,
      hold.postedCents,
    );
    hold.payout = outcome;
    return 'ok';
  }

  holdRefund(refundId: string, brandId: string, amount: bigint): 'ok' | Refusal {
    if (this.refunds.has(refundId)) return 'ok';
    const wallet = accounts.brandWallet(brandId).code;
    if (this.balance(wallet) < amount)
      return {
        refused: 'refund_exceeds_wallet',
        shortByCents: Number(amount - this.balance(wallet)),
      };
    this.keys.add(`refund:${refundId}:hold`);
    this.move(wallet, accounts.clearing().code, amount);
    this.refunds.set(refundId, { brandId, amount, state: 'held', postedCents: 0n, payout: 'none' });
    return 'ok';
  }

  resolveRefund(refundId: string, outcome: 'post' | 'void'): 'ok' | Refusal {
    const refund = this.refunds.get(refundId)!;
    const wanted = outcome === 'void' ? 'voided' : 'posted';
    if (refund.state === wanted) return 'ok';
    if (refund.state !== 'held') return { refused: 'hold_already_resolved' };
    this.keys.add(`refund:${refundId}:${outcome}`);
    if (outcome === 'void')
      this.move(accounts.clearing().code, accounts.brandWallet(refund.brandId).code, refund.amount);
    refund.state = wanted;
    return 'ok';
  }

  holdDispute(disputeId: string, brandId: string, amount: bigint): { heldCents: number } {
    const existing = this.disputes.get(disputeId);
    if (existing) return { heldCents: Number(existing.held) };
    const wallet = accounts.brandWallet(brandId).code;
    const held = amount < this.balance(wallet) ? amount : this.balance(wallet);
    this.keys.add(`dispute:${disputeId}:hold`);
    if (held > 0n) this.move(wallet, accounts.disputesHeld().code, held);
    this.disputes.set(disputeId, { brandId, held, closed: false });
    return { heldCents: Number(held) };
  }

  closeDispute(disputeId: string, outcome: 'won' | 'lost'): { heldCents: number } {
    const dispute = this.disputes.get(disputeId)!;
    if (dispute.closed) return { heldCents: Number(dispute.held) };
    this.keys.add(`dispute:${disputeId}:close`);
    if (dispute.held > 0n) {
      this.move(
        accounts.disputesHeld().code,
        outcome === 'won' ? accounts.brandWallet(dispute.brandId).code : accounts.clearing().code,
        dispute.held,
      );
    }
    dispute.closed = true;
    return { heldCents: Number(dispute.held) };
  }
}

/** A small seeded generator (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
  };
}
export type SeededRandom = ReturnType<typeof seededRandom>;
