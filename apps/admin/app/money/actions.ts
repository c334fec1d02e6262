'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { MoneyAdjustmentInput, MoneyFreezeInput } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';

const accountPath = (input: { holder: string; ownerId: string }) => `/money/wallets/${input.holder}/${input.ownerId}`;

export async function adjustAccount(input: MoneyAdjustmentInput): Promise<ActionResult<{ availableCents: number }>> {
  const result = await portal.act((api) => api.payment.admin.adjustments.create.mutate(input));
  if (result.ok) revalidatePath(accountPath(input));
  return result;
}

export async function freezeAccount(input: MoneyFreezeInput): Promise<ActionResult<unknown>> {
  const result = await portal.act((api) => api.payment.admin.freezes.freeze.mutate(input));
  if (result.ok) revalidatePath(accountPath(input));
  return result;
}

export async function unfreezeAccount(input: MoneyFreezeInput): Promise<ActionResult<unknown>> {
  const result = await portal.act((api) => api.payment.admin.freezes.unfreeze.mutate(input));
  if (result.ok) revalidatePath(accountPath(input));
  return result;
}

export async function approveWithdrawal(withdrawalId: string): Promise<ActionResult<unknown>> {
  const result = await portal.act((api) => api.payment.admin.withdrawals.approve.mutate({ withdrawalId }));
  if (result.ok) revalidatePath('/money/withdrawals');
  return result;
}

export async function rejectWithdrawal(withdrawalId: string, reason: string): Promise<ActionResult<unknown>> {
  const result = await portal.act((api) => api.payment.admin.withdrawals.reject.mutate({ withdrawalId, reason }));
  if (result.ok) revalidatePath('/money/withdrawals');
  return result;
}

export async function runReconciliation(): Promise<ActionResult<unknown>> {
  const result = await portal.act((api) => api.payment.admin.reconciliation.run.mutate());
  if (result.ok) revalidatePath('/money/reconciliation');
  return result;
}
