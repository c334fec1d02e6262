import type Stripe from 'stripe';
import type { PaymentSql } from '../database';
import type { PaymentDeps } from '../deps';

export interface PayoutAccountStatus {
  connected: boolean;
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
}

export async function payoutAccountStatus(deps: PaymentDeps, streamerId: string): Promise<PayoutAccountStatus> {
  const account = await deps.db.payoutAccount.findUnique({ where: { streamerId } });
  return {
    connected: account !== null,
    detailsSubmitted: account?.detailsSubmitted ?? false,
    payoutsEnabled: account?.payoutsEnabled ?? false,
  };
}

async function accountOfStreamer(deps: PaymentDeps, streamerId: string): Promise<string> {
  const existing = await deps.db.payoutAccount.findUnique({ where: { streamerId } });
  if (existing) return existing.accountId;
  const account = await deps.stripe.accounts.create(
    { type: 'express', metadata: { streamerId }, capabilities: { transfers: { requested: true } } },
    { idempotencyKey: `account:${streamerId}` },
  );
  const now = deps.now();
  const saved = await deps.db.payoutAccount.upsert({
    where: { streamerId },
    create: { streamerId, accountId: account.id, createdAt: now, updatedAt: now },
    update: {},
  });
  return saved.accountId;
}

/** The streamer's Express account (created the first time) and a fresh onboarding link back to `/earnings`. */
export async function startOnboarding(deps: PaymentDeps, streamerId: string): Promise<{ url: string }> {
  const accountId = await accountOfStreamer(deps, streamerId);
  const link = await deps.stripe.accountLinks.create(
    {
      account: accountId,
      type: 'account_onboarding',
      refresh_url: `${deps.flows.streamerPortalUrl}/earnings?onboarding=expired`,
      return_url: `${deps.flows.streamerPortalUrl}/earnings?onboarding=done`,
    },
    { idempotencyKey: `onboarding:${streamerId}:${deps.now().getTime()}` },
  );
  return { url: link.url };
}

/** Stripe's view of a connected account decides whether its streamer may withdraw (the KYC gate). */
export async function applyAccountState(tx: PaymentSql, account: Stripe.Account, now: Date) {
  await tx.$executeRawUnsafe(
    `UPDATE "payout_accounts" SET "detailsSubmitted" = $2, "payoutsEnabled" = $3, "updatedAt" = $4 WHERE "accountId" = $1`,
    account.id,
    account.details_submitted ?? false,
    account.payouts_enabled ?? false,
    now,
  );
}
