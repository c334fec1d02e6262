'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { OnboardStreamerInput } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { portal } from '../../portal';

/** Creates the streamer profile, then opens it; a refusal comes back for the wizard to show. */
export async function onboardStreamer(input: OnboardStreamerInput): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.streamer.onboard.mutate(input);
    return null;
  });
  if (!result.ok) {
    // Onboarded meanwhile (another tab): the profile is what they want to see.
    if (result.error.reason === 'already_onboarded') redirect('/profile');
    return result;
  }
  revalidatePath('/', 'layout');
  redirect('/profile?welcome=1');
}
