import {
  assertAssetUsableInputSchema,
  assetIdInputSchema,
  assetViewSchema,
  listMyAssetsInputSchema,
} from '@gametriggers/contracts';
import { authedProcedure, internalProcedure, router } from '@gametriggers/trpc';
import { z } from 'zod';
import { deleteAsset } from './domain/asset-deletion';
import { getAsset, listMyAssets, signedAssetUrl } from './domain/asset-reads';
import { assertAssetUsable } from './domain/asset-usable';
import type { AssetDeps } from './domain/deps';

const assetPageOutput = z.object({ items: z.array(assetViewSchema), nextCursor: z.string().nullable() });
const signedUrlOutput = z.object({ url: z.string(), expiresAt: z.date() });

export function createAssetRouter(deps: AssetDeps) {
  return router({
    asset: router({
      /** One asset: its owner, an admin (private documents with the reviewing permission), anyone for a ready public one. */
      get: authedProcedure
        .input(assetIdInputSchema)
        .output(assetViewSchema)
        .query(({ ctx, input }) => getAsset(deps, ctx.caller, input.assetId)),

      /** The caller's own uploads, newest first. */
      listMine: authedProcedure
        .input(listMyAssetsInputSchema)
        .output(assetPageOutput)
        .query(({ ctx, input }) => listMyAssets(deps, ctx.caller, input)),

      /** A short-lived URL to the file, for those who may see it. */
      signedUrl: authedProcedure
        .input(assetIdInputSchema)
        .output(signedUrlOutput)
        .mutation(({ ctx, input }) => signedAssetUrl(deps, ctx.caller, input.assetId)),

      /** The owner deletes an upload; it is no longer served. */
      delete: authedProcedure
        .input(assetIdInputSchema)
        .output(assetViewSchema)
        .mutation(({ ctx, input }) => deleteAsset(deps, ctx.caller, input.assetId)),

      internal: router({
        /** Before attaching an asset: this owner's, for this use, ready, not rejected (with `approved`: approved); else a typed refusal. */
        assertUsable: internalProcedure
          .input(assertAssetUsableInputSchema)
          .output(assetViewSchema)
          .query(({ input }) => assertAssetUsable(deps, input)),
      }),
    }),
  });
}

export type AssetRouter = ReturnType<typeof createAssetRouter>;
