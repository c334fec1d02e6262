import { z } from 'zod';
import { idSchema } from './primitives/ids';

// Documents a brand (verification) or a streamer (KYC) sends with a verification request: files
// uploaded to the asset service (private, checked by their bytes), attached by their asset id.

/** What the document upload routes accept (the asset service judges the bytes; these are the claims). */
export const documentContentTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type DocumentContentType = (typeof documentContentTypes)[number];
/** The largest document the upload routes take (the asset service's `verificationDocument` / `kycDocument` limit). */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
/** For people: "PDF, PNG, JPEG or WebP, up to 8 MB". */
export const documentUploadHint = 'PDF, PNG, JPEG or WebP, up to 8 MB';

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

/**
 * What a person is told beside a document the asset service would not let them attach, by its
 * reason (`asset.internal.assertUsable`'s refusals); `assetMessage` is the service's own (it carries
 * a refused file's reason).
 */
export function documentRefusalMessage(reason: string, assetMessage: string): string {
  switch (reason) {
    case 'asset_not_ready':
      return 'This file is still being checked. Send the request once it shows as ready.';
    case 'asset_refused':
      return `${assetMessage.replace(/\.?$/, '.')} Remove it and upload another file.`;
    case 'asset_wrong_use':
      return 'This file was uploaded for something else. Upload it here again.';
    default:
      return 'This file is not among your uploads (it may have been deleted). Upload it again.';
  }
}
