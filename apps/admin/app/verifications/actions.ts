'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import { revalidatePath } from 'next/cache';
import { portal } from '../../portal';

async function decided(brandId: string, result: ActionResult<unknown>): Promise<ActionResult<null>> {
  if (!result.ok) return result;
  revalidatePath(`/verifications/brands/${brandId}`);
  revalidatePath('/verifications');
  return { ok: true, data: null };
}

export async function approveBrand(brandId: string): Promise<ActionResult<null>> {
  return decided(brandId, await portal.act((api) => api.brand.verify.mutate({ brandId })));
}

export async function rejectBrand(brandId: string, reason: string): Promise<ActionResult<null>> {
  return decided(brandId, await portal.act((api) => api.brand.reject.mutate({ brandId, reason })));
}
