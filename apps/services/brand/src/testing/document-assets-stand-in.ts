import type { DocumentAssets, UsableDocument } from '../clients/document-assets';

/**
 * Uploaded documents the stand-in asset service knows, ready to attach (any brand may): what
 * `sampleVerificationRequest()` sends.
 */
export const sampleDocumentFiles: Readonly<Record<string, UsableDocument>> = {
  'd0c5a3e1-0000-4000-8000-000000000001': { name: 'Certificate of incorporation.pdf', contentType: 'application/pdf' },
  'd0c5a3e1-0000-4000-8000-000000000002': { name: 'IRS letter.pdf', contentType: 'application/pdf' },
  'd0c5a3e1-0000-4000-8000-000000000003': { name: 'Blurry photo.jpg', contentType: 'image/jpeg' },
};

/**
 * An in-test stand-in for the asset service's `assertUsable`, for tests that are not about files:
 * the given files are usable by anyone, every other id is "not found" as the real service answers.
 * Tests about ownership and checks run the real asset service (`assetServiceUrl`).
 */
export function documentAssetsStandIn(
  files: Readonly<Record<string, UsableDocument>> = sampleDocumentFiles,
): DocumentAssets {
  return {
    check(assetId) {
      const file = files[assetId];
      return Promise.resolve(
        file ? { usable: file } : { refused: { reason: 'asset_not_found', message: 'There is no such file.' } },
      );
    },
  };
}
