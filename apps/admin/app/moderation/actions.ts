'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';

/** The content is acceptable: the item leaves the queue. */
export async function approveItem(itemId: string): Promise<ActionResult<null>> {
  const result = await portal.act(async (api) => {
    await api.admin.moderation.approve.mutate({ itemId });
    return null;
  });
  if (result.ok) revalidatePath('/moderation');
  return result;
}

/** The content is refused with the reason typed in the confirmation dialog. */
export async function rejectItem(itemId: string, form: FormData): Promise<ActionResult<null>> {
  const reason = form.get('reason');
  const result = await portal.act(async (api) => {
    await api.admin.moderation.reject.mutate({
      itemId,
      reason: typeof reason === 'string' ? reason : '',
    });
    return null;
  });
  if (result.ok) revalidatePath('/moderation');
  return result;
}
