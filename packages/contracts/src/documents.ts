import { z } from 'zod';
import { idSchema } from './primitives/ids';

// Documents a brand (verification) or a streamer (KYC) sends with a verification request: files
// uploaded to the asset service (private, checked by their bytes; what they may be:
// `assetUseFiles.verificationDocument` / `.kycDocument`), attached by their asset id.

/** An uploaded document's id in a request; unique within it. */
export const documentAssetIdSchema = idSchema('document');

/** True when no asset id appears twice (a refinement of a request's documents). */
export const distinctDocumentAssets = (documents: ReadonlyArray<{ assetId: string }>) =>
  new Set(documents.map((document) => document.assetId)).size === documents.length;
export const DISTINCT_DOCUMENTS_MESSAGE = 'Each file only once';

/**
 * A document as a request shows it: the file's id (served to the owner and the reviewing admins
 * through `asset.signedUrl`), its name and type as uploaded. `assetId` is null (and `url` the link)
 * for requests sent before documents were uploads.
 */
export const attachedDocumentSchema = z.object({
  assetId: z.uuid().nullable(),
  name: z.string(),
  contentType: z.string().nullable(),
  /** Legacy requests only: the https link the brand typed. */
  url: z.string().nullable(),
});
export type AttachedDocument = z.infer<typeof attachedDocumentSchema>;

/** How the asset service answered about attaching one file (`asset.internal.assertUsable`). */
export type DocumentCheck<Usable> =
  | { usable: Usable }
  /** `reason`: `asset_not_found` (someone else's, deleted or unknown), `assetUsableRefusals`; `message` is the asset service's own. */
  | { refused: { reason: string; message: string } };

const assetRefusalData = z.object({
  code: z.enum(['NOT_FOUND', 'PRECONDITION_FAILED']),
  reason: z.string().default('asset_not_found'),
});

/** The asset service's refusal in a failed `assertUsable` call's error (a tRPC client error), or null for a fault. */
export function assetRefusalOf(error: { data?: unknown; message: string }): { reason: string; message: string } | null {
  const refused = assetRefusalData.safeParse(error.data);
  return refused.success ? { reason: refused.data.reason, message: error.message } : null;
}

/** What a person is told beside a document the asset service would not let them attach. */
export function documentRefusalMessage(refusal: { reason: string; message: string }): string {
  switch (refusal.reason) {
    case 'asset_not_ready':
      return 'This file is still being checked. Send the request once it shows as ready.';
    case 'asset_refused':
    case 'asset_rejected':
      return `${refusal.message.replace(/\.?$/, '.')} Remove it and upload another file.`;
    case 'asset_wrong_use':
      return 'This file was uploaded for something else. Upload it here again.';
    default:
      return 'This file is not among your uploads (it may have been deleted). Upload it again.';
  }
}

/** A request refused for its documents: a domain error's parts, each refusal beside its document. */
export interface DocumentsRefusal {
  kind: 'not_found' | 'precondition_failed';
  /** `document_not_found`, `document_wrong_use`, `document_not_ready`, `document_refused` (the first one's). */
  reason: string;
  message: string;
  details: { documents: Array<{ index: number; reason: string }> };
  /** `documents.<i>.assetId` → what to do about that file. */
  fieldErrors: Record<string, string[]>;
}

/**
 * Why a request cannot take its documents, or null when every one is usable. Someone else's file is
 * "not found", as the asset service says, so ids cannot be probed.
 */
export function documentsRefusal(checks: ReadonlyArray<DocumentCheck<unknown>>): DocumentsRefusal | null {
  const refused = checks.flatMap((check, index) => ('refused' in check ? [{ index, ...check.refused }] : []));
  const [first] = refused;
  if (!first) return null;
  return {
    kind: first.reason === 'asset_not_found' ? 'not_found' : 'precondition_failed',
    reason: `document_${first.reason.replace(/^asset_/, '')}`,
    message:
      refused.length === 1
        ? `Document ${first.index + 1}: ${documentRefusalMessage(first)}`
        : `${refused.length} of your documents cannot be sent; each one says why.`,
    details: { documents: refused.map(({ index, reason }) => ({ index, reason })) },
    fieldErrors: Object.fromEntries(
      refused.map((refusal) => [`documents.${refusal.index}.assetId`, [documentRefusalMessage(refusal)]]),
    ),
  };
}
