import type { KycDocument } from '@gametriggers/contracts';
import { documentsRefusal } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import { TRPCClientError } from '@trpc/client';
import type { KycDocumentAssets, UsableKycDocument } from '../clients/kyc-document-assets';

export type AttachedKycDocument = KycDocument & UsableKycDocument;

/**
 * Optional KYC documents must each be the streamer's own `kycDocument` upload, checked and ready
 * (the asset service decides; someone else's file is "not found"). Refusals are named beside their
 * document (`documents.<i>.assetId`).
 */
export async function attachKycDocuments(
  assets: KycDocumentAssets,
  streamerId: string,
  documents: readonly KycDocument[],
): Promise<AttachedKycDocument[]> {
  let checks;
  try {
    checks = await Promise.all(documents.map(({ assetId }) => assets.check(assetId, streamerId)));
  } catch (error) {
    // The asset service down or failing (tRPC's client error, network included); anything else is ours.
    if (!(error instanceof TRPCClientError)) throw error;
    throw new DomainError(
      'unavailable',
      'documents_unavailable',
      'Your documents cannot be checked right now. Nothing was sent; try again in a minute.',
    );
  }
  const refusal = documentsRefusal(checks);
  if (refusal) {
    throw new DomainError(refusal.kind, refusal.reason, refusal.message, refusal.details, refusal.fieldErrors);
  }
  return checks.map((check, index) => {
    if (!('usable' in check)) throw new Error('A refused document passed the check');
    return { kind: documents[index]!.kind, assetId: documents[index]!.assetId, ...check.usable };
  });
}
