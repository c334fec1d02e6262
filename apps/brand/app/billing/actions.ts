'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import { redirect } from 'next/navigation';
import type { TopUpRequest } from '../../components/billing/top-up-form';
import { portal } from '../../portal';

/** Opens a checkout for the top-up and sends the brand to its hosted payment page. */
export async function startTopUp(request: TopUpRequest): Promise<ActionResult<null>> {
  const result = await portal.act((api) => api.payment.billing.createTopUp.mutate(request));
  if (!result.ok) return result;
  redirect(result.data.url);
}
