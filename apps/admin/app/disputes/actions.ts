'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  parseAmountToCents,
  resolveParticipationDisputeInputSchema,
} from '@gametriggers/contracts';
import { portal } from '../../portal';

/** The resolve dialog's form: the outcome, the streamer's share of a split (dollars), and the reason. */
export async function resolveDispute(
  disputeId: string,
  form: FormData,
): Promise<ActionResult<null>> {
  const share = form.get('streamerShare');
  const parsed = resolveParticipationDisputeInputSchema.safeParse({
    disputeId,
    outcome: form.get('outcome'),
    streamerShareCents:
      typeof share === 'string' && share.trim() ? (parseAmountToCents(share) ?? -1) : undefined,
    reason: form.get('reason'),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, error: { message: parsed.error.issues[0]!.message, fieldErrors } };
  }
  return portal.act(async (api) => {
    await api.payment.disputes.admin.resolve.mutate(parsed.data);
    return null;
  });
}
