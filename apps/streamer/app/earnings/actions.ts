'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { WithdrawalReceipt } from '../../components/earnings/withdraw-form';
import { portal } from '../../portal';

/** A fresh onboarding link for the payout account, and off to it. */
export async function startPayoutOnboarding(): Promise<ActionResult<null>> {
  const result = await portal.act((api) => api.payment.payouts.startOnboarding.mutate());
  if (!result.ok) return result;
  redirect(result.data.url);
}

export async function requestWithdrawal(amountCents: number): Promise<ActionResult<WithdrawalReceipt>> {
  const result = await portal.act(async (api) => {
    const withdrawal = await api.payment.withdrawals.request.mutate({ amountCents });
    return { amountCents: withdrawal.amountCents, status: withdrawal.status };
  });
  if (result.ok) revalidatePath('/earnings');
  return result;
}
