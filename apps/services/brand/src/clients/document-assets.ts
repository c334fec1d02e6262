import type { AssetRouter } from '@gametriggers/asset-service/router';
import type { DocumentCheck } from '@gametriggers/contracts';
import { assetRefusalOf, assetViewSchema } from '@gametriggers/contracts';
import { createServiceClient } from '@gametriggers/trpc';
import { TRPCClientError } from '@trpc/client';

/** A document the brand may attach: its own `verificationDocument` upload, checked and ready. */
export interface UsableDocument {
  name: string;
  contentType: string | null;
}

/** What the brand service asks of the asset service about verification documents. */
export interface DocumentAssets {
  /** Whether `ownerId` may attach the file; throws only when the asset service cannot answer. */
  check(assetId: string, ownerId: string): Promise<DocumentCheck<UsableDocument>>;
}

export function createDocumentAssets(options: { url: string; secret: string }): DocumentAssets {
  const client = createServiceClient<AssetRouter>({ ...options, caller: 'brand' });
  return {
    async check(assetId, ownerId) {
      try {
        const asset = assetViewSchema.parse(
          await client.asset.internal.assertUsable.query({ assetId, ownerId, use: 'verificationDocument' }),
        );
        return { usable: { name: asset.name, contentType: asset.contentType } };
      } catch (error) {
        const refused = error instanceof TRPCClientError ? assetRefusalOf(error) : null;
        if (!refused) throw error;
        return { refused };
      }
    },
  };
}
