'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  moneyAdjustmentInputSchema,
  moneyFreezeInputSchema,
  parseAmountToCents,
  rejectWithdrawalInputSchema,
  withdrawalIdInputSchema,
} from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { portal } from '../../portal';

/** A form's refusal before any call: the first message, and each field's messages. */
function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join('.')] ??= []).push(issue.message);
  return { ok: false, error: { message: error.issues[0]?.message ?? 'Check the form', fieldErrors } };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
const accountPath = (input: { holder: string; ownerId: string }) => `/money/wallets/${input.holder}/${input.ownerId}`;

export async function adjustAccount(form: FormData): Promise<ActionResult<unknown>> {
  const parsed = moneyAdjustmentInputSchema.safeParse({
    holder: text(form, 'holder'),
    ownerId: text(form, 'ownerId'),
    direction: text(form, 'direction'),
    amountCents: parseAmountToCents(text(form, 'amount')) ?? Number.NaN,
    reason: text(form, 'reason'),
    idempotencyKey: text(form, 'idempotencyKey'),
  });
  if (!parsed.success) return invalid(parsed.error);
  const result = await portal.act((api) => api.payment.admin.adjustments.create.mutate(parsed.data));
  if (result.ok) revalidatePath(accountPath(parsed.data));
  return result;
}

async function changeFreeze(form: FormData, change: 'freeze' | 'unfreeze'): Promise<ActionResult<unknown>> {
  const parsed = moneyFreezeInputSchema.safeParse({
    holder: text(form, 'holder'),
    ownerId: text(form, 'ownerId'),
    reason: text(form, 'reason'),
  });
  if (!parsed.success) return invalid(parsed.error);
  const result = await portal.act((api) => api.payment.admin.freezes[change].mutate(parsed.data));
  if (result.ok) revalidatePath(accountPath(parsed.data));
  return result;
}

export async function freezeAccount(form: FormData) {
  return changeFreeze(form, 'freeze');
}

export async function unfreezeAccount(form: FormData) {
  return changeFreeze(form, 'unfreeze');
}

export async function approveWithdrawal(form: FormData): Promise<ActionResult<unknown>> {
  const parsed = withdrawalIdInputSchema.safeParse({ withdrawalId: text(form, 'withdrawalId') });
  if (!parsed.success) return invalid(parsed.error);
  const result = await portal.act((api) => api.payment.admin.withdrawals.approve.mutate(parsed.data));
  if (result.ok) revalidatePath('/money/withdrawals');
  return result;
}

export async function rejectWithdrawal(form: FormData): Promise<ActionResult<unknown>> {
  const parsed = rejectWithdrawalInputSchema.safeParse({
    withdrawalId: text(form, 'withdrawalId'),
    reason: text(form, 'reason'),
  });
  if (!parsed.success) return invalid(parsed.error);
  const result = await portal.act((api) => api.payment.admin.withdrawals.reject.mutate(parsed.data));
  if (result.ok) revalidatePath('/money/withdrawals');
  return result;
}

export async function runReconciliation(): Promise<ActionResult<unknown>> {
  const result = await portal.act((api) => api.payment.admin.reconciliation.run.mutate());
  if (result.ok) revalidatePath('/money/reconciliation');
  return result;
}
