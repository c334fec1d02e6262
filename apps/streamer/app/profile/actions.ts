'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type {
  RequestStreamerVerificationInput,
  SetPayoutInput,
  StreamingPlatform,
  UpdateStreamerProfileInput,
} from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';

export async function updateStreamerProfile(
  input: UpdateStreamerProfileInput,
): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.streamer.updateProfile.mutate(input);
    return null;
  });
  if (result.ok) revalidatePath('/profile');
  return result;
}

/** Saves payout details; only the method and a masked hint ever come back. */
export async function savePayout(
  input: SetPayoutInput,
): Promise<ActionResult<{ method: string; hint: string }>> {
  const result = await portal.act((api) => api.streamer.setPayout.mutate(input));
  if (result.ok) revalidatePath('/profile');
  return result;
}

export async function disconnectPlatform(platform: StreamingPlatform): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.streamer.platforms.disconnect.mutate({ platform });
    return null;
  });
  if (result.ok) {
    revalidatePath('/profile');
    revalidatePath('/onboarding');
  }
  return result;
}

export async function requestVerification(
  input: RequestStreamerVerificationInput,
): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.streamer.verification.request.mutate(input);
    return null;
  });
  if (result.ok) revalidatePath('/profile');
  return result;
}
