'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { AutoTopUpInput } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { TopUpRequest } from '../../components/billing/top-up-form';
import type { AutoTopUpSettings } from '../../components/billing/types';
import { portal } from '../../portal';

/** Opens a checkout for the top-up and sends the brand to its hosted payment page. */
export async function startTopUp(request: TopUpRequest): Promise<ActionResult<null>> {
  const result = await portal.act((api) => api.payment.billing.createTopUp.mutate(request));
  if (!result.ok) return result;
  redirect(result.data.url);
}

export async function saveAutoTopUp(input: AutoTopUpInput): Promise<ActionResult<AutoTopUpSettings>> {
  const result = await portal.act((api) => api.payment.billing.setAutoTopUp.mutate(input));
  if (result.ok) revalidatePath('/billing');
  return result;
}

export async function removeSavedCard(cardId: string): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.payment.billing.removeSavedCard.mutate({ paymentMethodId: cardId });
    return null;
  });
  if (result.ok) revalidatePath('/billing');
  return result;
}

/** Refunds unspent wallet money; answers how much went back (the page then shows the new balance). */
export async function requestRefund(amountCents: number): Promise<ActionResult<{ refundedCents: number }>> {
  const result = await portal.act(async (api) => {
    const { refunds } = await api.payment.billing.requestRefund.mutate({ amountCents });
    return { refundedCents: refunds.reduce((sum, refund) => sum + refund.amountCents, 0) };
  });
  if (result.ok) revalidatePath('/billing');
  return result;
}
