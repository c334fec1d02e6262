'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  fieldErrorsOf,
  parseAmountToCents,
  resolveParticipationDisputeInputSchema,
} from '@gametriggers/contracts';
import { portal } from '../../portal';

/** The resolve dialog's form: the outcome, the streamer's share of a split (dollars), and the reason. */
export async function resolveDispute(
  disputeId: string,
  form: FormData,
): Promise<ActionResult<null>> {
  const field = form.get('streamerShare');
  const share = typeof field === 'string' ? field.trim() : '';
  const streamerShareCents = share ? parseAmountToCents(share) : undefined;
  if (share && streamerShareCents === undefined) {
    return {
      ok: false,
      error: { message: "Enter the streamer's share in dollars and cents, like 12.50" },
    };
  }
  const parsed = resolveParticipationDisputeInputSchema.safeParse({
    disputeId,
    outcome: form.get('outcome'),
    streamerShareCents,
    reason: form.get('reason'),
  });
  if (!parsed.success) {
    return {
      ok: false,
      error: { message: parsed.error.issues[0]!.message, fieldErrors: fieldErrorsOf(parsed.error) },
    };
  }
  return portal.act(async (api) => {
    await api.payment.disputes.admin.resolve.mutate(parsed.data);
    return null;
  });
}
