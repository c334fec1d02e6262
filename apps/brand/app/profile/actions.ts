'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { RequestVerificationInput, UpdateBrandProfileInput } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';

export async function saveProfileSection(
  input: UpdateBrandProfileInput,
): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.brand.updateProfile.mutate(input);
    return null;
  });
  if (result.ok) revalidatePath('/profile');
  return result;
}

export async function requestVerification(
  input: RequestVerificationInput,
): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.brand.requestVerification.mutate(input);
    return null;
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
