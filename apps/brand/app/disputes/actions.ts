'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type {
  OpenParticipationDisputeRequest,
  RespondToParticipationDisputeRequest,
} from '@gametriggers/contracts';
import { portal } from '../../portal';

// The forms refresh their page themselves (a campaign page or a dispute page).

export async function openDispute(
  input: OpenParticipationDisputeRequest,
): Promise<ActionResult<{ disputeId: string }>> {
  return portal.act((api) => api.payment.disputes.brand.open.mutate(input));
}

export async function respondToDispute(
  input: RespondToParticipationDisputeRequest,
): Promise<ActionResult<{ disputeId: string }>> {
  return portal.act((api) => api.payment.disputes.brand.respond.mutate(input));
}
