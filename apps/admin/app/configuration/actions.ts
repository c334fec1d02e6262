'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { UpdatePlatformConfigInput } from '@gametriggers/contracts';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';

export async function updatePlatformConfig(input: UpdatePlatformConfigInput): Promise<ActionResult<{ version: number }>> {
  const result = await portal.act(async (api) => {
    const { version } = await api.admin.config.update.mutate(input);
    return { version };
  });
  if (result.ok) revalidatePath('/configuration');
  return result;
}
