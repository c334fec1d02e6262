'use server';

import { assetIdInputSchema, listMyAssetsInputSchema } from '@gametriggers/contracts';
import type { AssetView } from '@gametriggers/contracts';
import type { UserRole } from '@gametriggers/tokens';
import { z } from 'zod';
import type { ActionResult } from '../portal/action-result';
import { createPortalSession } from '../portal/portal-session';

// The role only picks the portal's sign-in settings (it comes back from the browser, so it is
// checked); the API acts as the session's person, who sees only what the asset service lets them.
const portalRoleSchema = z.enum(['brand', 'streamer', 'admin']);
const portalOf = (role: UserRole) => createPortalSession(portalRoleSchema.parse(role));

/** One asset as the signed-in person may see it: the upload component polls it until it is checked. */
export async function loadAsset(role: UserRole, assetId: string): Promise<ActionResult<AssetView>> {
  const input = assetIdInputSchema.parse({ assetId });
  return portalOf(role).act((api) => api.asset.get.query(input));
}

/** A page of the signed-in person's own uploads, newest first (`use`, `state` to narrow it). */
export async function listMyAssets(
  role: UserRole,
  query: z.input<typeof listMyAssetsInputSchema>,
): Promise<ActionResult<{ items: AssetView[]; nextCursor: string | null }>> {
  const input = listMyAssetsInputSchema.parse(query);
  return portalOf(role).act((api) => api.asset.listMine.query(input));
}

/** Deletes one of the signed-in person's own uploads (a document taken back before it was sent). */
export async function deleteMyAsset(role: UserRole, assetId: string): Promise<ActionResult<null>> {
  const input = assetIdInputSchema.parse({ assetId });
  return portalOf(role).act(async (api) => {
    await api.asset.delete.mutate(input);
    return null;
  });
}
