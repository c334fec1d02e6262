import type { VerificationDocument } from '@gametriggers/contracts';
import { documentRefusalMessage } from '@gametriggers/contracts';
import type { DomainErrorKind } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type { DocumentAssets } from '../clients/document-assets';
import { DocumentRefusal } from '../clients/document-assets';

/** A document as stored with a request: the upload and its name and type as the brand sent it. */
export interface AttachedDocument extends VerificationDocument {
  name: string;
  contentType: string | null;
}

interface Refused {
  index: number;
  refusal: DocumentRefusal;
}

/**
 * Each document must be the brand's own verification upload, checked and ready (the asset service
 * decides). Someone else's file is "not found", as the asset service says; every refusal is named
 * beside its document (`documents.<i>.assetId`), so the form shows which file to replace.
 */
export async function attachDocuments(
  assets: DocumentAssets,
  brandId: string,
  documents: readonly VerificationDocument[],
): Promise<AttachedDocument[]> {
  const outcomes = await Promise.allSettled(
    documents.map((document) => assets.usableDocument(document.assetId, brandId)),
  );
  const refused: Refused[] = [];
  const attached: AttachedDocument[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status === 'fulfilled') {
      attached.push({ ...documents[index]!, ...outcome.value });
    } else if (outcome.reason instanceof DocumentRefusal) {
      refused.push({ index, refusal: outcome.reason });
    } else {
      throw new DomainError(
        'unavailable',
        'documents_unavailable',
        'Your documents cannot be checked right now. Nothing was sent; try again in a minute.',
      );
    }
  }
  const [first] = refused;
  if (!first) return attached;
  const fieldErrors = Object.fromEntries(
    refused.map(({ index, refusal }) => [
      `documents.${index}.assetId`,
      [documentRefusalMessage(refusal.reason, refusal.message)],
    ]),
  );
  const kind: DomainErrorKind =
    first.refusal.reason === 'asset_not_found' ? 'not_found' : 'precondition_failed';
  const message =
    refused.length === 1
      ? `Document ${first.index + 1}: ${documentRefusalMessage(first.refusal.reason, first.refusal.message)}`
      : `${refused.length} of your documents cannot be sent; each one says why.`;
  throw new DomainError(
    kind,
    `document_${first.refusal.reason.replace(/^asset_/, '')}`,
    message,
    { documents: refused.map(({ index, refusal }) => ({ index, reason: refusal.reason })) },
    fieldErrors,
  );
}
