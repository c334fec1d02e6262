import type {
  AdjustCampaignBudgetInput,
  CampaignBudget,
  ReserveCampaignBudgetInput,
} from '@gametriggers/contracts';
import { WALLET_SHORT_REASON, formatCents } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import { balanceOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import type { EntryRequest } from '../ledger/post-entries';
import { InsufficientFundsError, postEntry } from '../ledger/post-entries';
import { findEntry } from '../ledger/entry-lookup';
import { assertNotFrozen } from '../money-admin/freezes';
import { lockCampaignTerms, readCampaignTerms } from './campaign-terms';
import type { MoneyContext } from './money-context';
import { cents } from './money-context';

const CURRENCY = 'USD';

/** Posts a wallet → escrow move, turning a short wallet into the refusal the admin and brand see. */
async function moveFromWallet(tx: PaymentSql, context: MoneyContext, request: EntryRequest) {
  try {
    return await postEntry(tx, request, context.now());
  } catch (error) {
    if (error instanceof InsufficientFundsError) {
      throw new DomainError(
        'precondition_failed',
        WALLET_SHORT_REASON,
        `The brand's wallet is short by ${formatCents(Number(error.shortByCents), CURRENCY)}`,
        { shortByCents: Number(error.shortByCents) },
      );
    }
    throw error;
  }
}

const walletToEscrow = (brandId: string, campaignId: string, amount: bigint) => [
  { account: accounts.brandWallet(brandId, CURRENCY), direction: 'debit' as const, amount },
  { account: accounts.campaignEscrow(campaignId, CURRENCY), direction: 'credit' as const, amount },
];
const escrowToWallet = (brandId: string, campaignId: string, amount: bigint) => [
  { account: accounts.campaignEscrow(campaignId, CURRENCY), direction: 'debit' as const, amount },
  { account: accounts.brandWallet(brandId, CURRENCY), direction: 'credit' as const, amount },
];

/**
 * Approval: the whole budget moves from the brand's wallet into the campaign's escrow, and the
 * campaign's terms are kept for charging. Once per campaign (`reserve:<campaignId>`).
 */
export async function reserveCampaignBudget(
  tx: PaymentSql,
  context: MoneyContext,
  input: ReserveCampaignBudgetInput,
): Promise<{ reservedCents: number }> {
  const budget = BigInt(input.budgetCents);
  const key = `reserve:${input.campaignId}`;
  // A frozen wallet reserves nothing new; a reservation made before the freeze still replays.
  if (!(await findEntry(tx, key))) await assertNotFrozen(tx, 'brand', input.brandId);
  const result = await moveFromWallet(tx, context, {
    idempotencyKey: key,
    kind: 'budget_reserve',
    cause: { campaignId: input.campaignId, brandId: input.brandId },
    postings: walletToEscrow(input.brandId, input.campaignId, budget),
  });
  if (result.replayed) {
    const terms = await readCampaignTerms(tx, input.campaignId);
    return { reservedCents: cents(terms?.budgetCents ?? budget) };
  }
  const now = context.now();
  await tx.$executeRawUnsafe(
    `INSERT INTO "campaign_terms" ("campaignId", "brandId", "currency", "pricingModel", "rateCents", "perStreamerCapCents",
       "budgetCents", "createdAt", "updatedAt")
     VALUES ($1::uuid, $2::uuid, $3, $4, $5::bigint, $6::bigint, $7::bigint, $8::timestamptz, $8::timestamptz)`,
    input.campaignId,
    input.brandId,
    CURRENCY,
    input.pricingModel,
    String(input.rateCents),
    input.perStreamerCapCents === null ? null : String(input.perStreamerCapCents),
    String(input.budgetCents),
    now,
  );
  await recordEvent(tx, 'payment.budget_reserved', {
    campaignId: input.campaignId,
    brandId: input.brandId,
    reservedCents: input.budgetCents,
    budgetCents: input.budgetCents,
    currency: CURRENCY,
  });
  return { reservedCents: input.budgetCents };
}

/** A budget edit: reserves the increase from the wallet or releases the decrease back to it. */
export async function adjustCampaignBudget(
  tx: PaymentSql,
  context: MoneyContext,
  input: AdjustCampaignBudgetInput,
): Promise<{ reservedCents: number }> {
  const terms = (await lockCampaignTerms(tx, [input.campaignId])).get(input.campaignId);
  if (!terms)
    throw new DomainError(
      'not_found',
      'budget_not_reserved',
      'This campaign has no reserved budget.',
    );
  if (terms.status === 'released') {
    throw new DomainError(
      'conflict',
      'campaign_settled',
      'This campaign has ended; its budget can no longer change.',
    );
  }
  const budget = BigInt(input.budgetCents);
  if (budget === terms.budgetCents) return { reservedCents: input.budgetCents };
  if (budget < terms.spentCents) {
    throw new DomainError(
      'precondition_failed',
      'budget_below_spent',
      `The campaign has already spent ${formatCents(cents(terms.spentCents), CURRENCY)}; the budget cannot be lower.`,
      { spentCents: cents(terms.spentCents) },
    );
  }
  const adjustment = terms.adjustments + 1;
  const difference = budget - terms.budgetCents;
  if (difference > 0n) await assertNotFrozen(tx, 'brand', terms.brandId);
  const request: EntryRequest = {
    idempotencyKey: `adjust:${input.campaignId}:${input.budgetCents}:${adjustment}`,
    kind: difference > 0n ? 'budget_reserve' : 'budget_release',
    cause: { campaignId: input.campaignId, brandId: terms.brandId, budgetCents: input.budgetCents },
    postings:
      difference > 0n
        ? walletToEscrow(terms.brandId, input.campaignId, difference)
        : escrowToWallet(terms.brandId, input.campaignId, -difference),
  };
  await moveFromWallet(tx, context, request);
  await tx.$executeRawUnsafe(
    `UPDATE "campaign_terms" SET "budgetCents" = $2::bigint, "adjustments" = $3, "updatedAt" = $4::timestamptz
     WHERE "campaignId" = $1::uuid`,
    input.campaignId,
    String(input.budgetCents),
    adjustment,
    context.now(),
  );
  if (difference > 0n) {
    await recordEvent(tx, 'payment.budget_reserved', {
      campaignId: input.campaignId,
      brandId: terms.brandId,
      reservedCents: cents(difference),
      budgetCents: input.budgetCents,
      currency: CURRENCY,
    });
  } else {
    await recordEvent(tx, 'payment.budget_released', {
      campaignId: input.campaignId,
      brandId: terms.brandId,
      releasedCents: cents(-difference),
      reason: 'budget_lowered',
      currency: CURRENCY,
    });
  }
  return { reservedCents: input.budgetCents };
}

/** Reserved, spent and left (what the escrow still holds) of one campaign. */
export async function campaignBudget(sql: PaymentSql, campaignId: string): Promise<CampaignBudget> {
  const terms = await readCampaignTerms(sql, campaignId);
  if (!terms)
    throw new DomainError(
      'not_found',
      'budget_not_reserved',
      'This campaign has no reserved budget.',
    );
  const escrow = await balanceOf(sql, accounts.campaignEscrow(campaignId, terms.currency).code);
  return {
    reservedCents: cents(terms.budgetCents),
    spentCents: cents(terms.spentCents),
    leftCents: cents(escrow.available),
  };
}
