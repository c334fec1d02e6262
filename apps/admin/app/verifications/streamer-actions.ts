'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import { rejectStreamerVerificationInput } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';

export async function verifyStreamer(streamerId: string): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.streamer.verification.verify.mutate({ streamerId });
    return null;
  });
  if (result.ok) revalidatePath('/verifications', 'layout');
  return result;
}

export async function rejectStreamer(
  streamerId: string,
  form: FormData,
): Promise<ActionResult<null>> {
  const reason = form.get('reason');
  const parsed = rejectStreamerVerificationInput.safeParse({
    streamerId,
    reason: typeof reason === 'string' ? reason : '',
  });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Say why';
    return { ok: false, error: { message, fieldErrors: { reason: [message] } } };
  }
  const result = await portal.act(async (api) => {
    await api.streamer.verification.reject.mutate(parsed.data);
    return null;
  });
  if (result.ok) revalidatePath('/verifications', 'layout');
  return result;
}
