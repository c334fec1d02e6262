'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';
import { formText, withReasonErrorsFrom } from '../reason-field';

function decided(brandId: string, result: ActionResult<unknown>): ActionResult<null> {
  if (!result.ok) return result;
  revalidatePath(`/verifications/brands/${brandId}`);
  revalidatePath('/verifications');
  return { ok: true, data: null };
}

/** Approves a pending brand; the dialog's reason is the approval note kept in the audit log. */
export async function approveBrand(brandId: string, form: FormData): Promise<ActionResult<null>> {
  const note = formText(form, 'reason');
  return withReasonErrorsFrom('note', decided(brandId, await portal.act((api) => api.brand.verify.mutate({ brandId, note }))));
}

export async function rejectBrand(brandId: string, form: FormData): Promise<ActionResult<null>> {
  const reason = formText(form, 'reason');
  return decided(brandId, await portal.act((api) => api.brand.reject.mutate({ brandId, reason })));
}
