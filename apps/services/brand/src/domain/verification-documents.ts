import type { VerificationDocument } from '@gametriggers/contracts';
import { documentsRefusal } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import { TRPCClientError } from '@trpc/client';
import type { DocumentAssets } from '../clients/document-assets';

/** A document as stored with a request: the upload and its name and type as the brand sent it. */
export interface AttachedDocument extends VerificationDocument {
  name: string;
  contentType: string | null;
}

/**
 * Each document must be the brand's own verification upload, checked and ready (the asset service
 * decides); every refusal is named beside its document (`documents.<i>.assetId`), so the form shows
 * which file to replace.
 */
export async function attachDocuments(
  assets: DocumentAssets,
  brandId: string,
  documents: readonly VerificationDocument[],
): Promise<AttachedDocument[]> {
  const checks = await Promise.all(
    documents.map((document) => assets.check(document.assetId, brandId)),
  ).catch((error: unknown) => {
    // The asset service down or failing (tRPC's client error, network included); anything else is ours.
    if (!(error instanceof TRPCClientError)) throw error;
    throw new DomainError(
      'unavailable',
      'documents_unavailable',
      'Your documents cannot be checked right now. Nothing was sent; try again in a minute.',
    );
  });
  const refusal = documentsRefusal(checks);
  if (refusal) {
    throw new DomainError(refusal.kind, refusal.reason, refusal.message, refusal.details, refusal.fieldErrors);
  }
  return documents.map((document, index) => {
    const check = checks[index];
    if (!check || !('usable' in check)) throw new Error('A document was neither usable nor refused');
    return { ...document, ...check.usable };
  });
}
