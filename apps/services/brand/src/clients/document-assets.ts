import type { AssetRouter } from '@gametriggers/asset-service/router';
import { assetViewSchema } from '@gametriggers/contracts';
import { createServiceClient } from '@gametriggers/trpc';
import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

/** A document the brand may attach: its own `verificationDocument` upload, checked and ready. */
export interface UsableDocument {
  name: string;
  contentType: string | null;
}

/** Why the asset service would not let a file be attached; `message` is its own, for people. */
export class DocumentRefusal extends Error {
  constructor(
    /** `asset_not_found` (someone else's, deleted or unknown), `asset_wrong_use`, `asset_not_ready`, `asset_refused`. */
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentRefusal';
  }
}

/** What the brand service asks of the asset service about verification documents. */
export interface DocumentAssets {
  /** The file when `ownerId` may attach it; else a `DocumentRefusal`. Any other error: the asset service is unreachable. */
  usableDocument(assetId: string, ownerId: string): Promise<UsableDocument>;
}

const refusalData = z.object({ code: z.enum(['NOT_FOUND', 'PRECONDITION_FAILED']), reason: z.string().optional() });

/** The asset service's refusals become `DocumentRefusal`s; faults stay faults. */
function refusalOf(error: unknown): never {
  if (error instanceof TRPCClientError) {
    const refused = refusalData.safeParse(error.data);
    if (refused.success) {
      throw new DocumentRefusal(refused.data.reason ?? 'asset_not_found', error.message);
    }
  }
  throw error;
}

export function createDocumentAssets(options: { url: string; secret: string }): DocumentAssets {
  const client = createServiceClient<AssetRouter>({ ...options, caller: 'brand' });
  return {
    async usableDocument(assetId, ownerId) {
      const asset = await client.asset.internal.assertUsable
        .query({ assetId, ownerId, use: 'verificationDocument' })
        .catch(refusalOf);
      const { name, contentType } = assetViewSchema.parse(asset);
      return { name, contentType };
    },
  };
}
