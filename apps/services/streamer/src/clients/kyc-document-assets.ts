import type { AssetRouter } from '@gametriggers/asset-service/router';
import type { DocumentCheck } from '@gametriggers/contracts';
import { assetRefusalOf, assetViewSchema } from '@gametriggers/contracts';
import { createServiceClient } from '@gametriggers/trpc';
import { TRPCClientError } from '@trpc/client';

/** A KYC document the streamer may attach: their own `kycDocument` upload, checked and ready. */
export interface UsableKycDocument {
  name: string;
  contentType: string | null;
}

/** What the streamer service asks of the asset service about KYC documents. */
export interface KycDocumentAssets {
  /** Whether `streamerId` may attach the file; throws only when the asset service cannot answer. */
  check(assetId: string, streamerId: string): Promise<DocumentCheck<UsableKycDocument>>;
}

export function createKycDocumentAssets(options: { url: string; secret: string }): KycDocumentAssets {
  const assets = createServiceClient<AssetRouter>({ ...options, caller: 'streamer' });
  return {
    check: (assetId, streamerId) =>
      assets.asset.internal.assertUsable
        .query({ assetId, ownerId: streamerId, use: 'kycDocument' })
        .then((found): DocumentCheck<UsableKycDocument> => {
          const { name, contentType } = assetViewSchema.parse(found);
          return { usable: { name, contentType } };
        })
        .catch((error: unknown) => {
          const refused = error instanceof TRPCClientError ? assetRefusalOf(error) : null;
          if (!refused) throw error;
          return { refused };
        }),
  };
}
