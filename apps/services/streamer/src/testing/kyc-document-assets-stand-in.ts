import type { KycDocumentAssets, UsableKycDocument } from '../clients/kyc-document-assets';

/** KYC uploads the stand-in asset service knows, ready to attach (any streamer may). */
export const sampleKycFiles: Readonly<Record<string, UsableKycDocument>> = {
  'c0c5a3e1-0000-4000-8000-000000000001': { name: 'Passport.jpg', contentType: 'image/jpeg' },
  'c0c5a3e1-0000-4000-8000-000000000002': { name: 'Utility bill.pdf', contentType: 'application/pdf' },
};

/**
 * An in-test stand-in for the asset service's `assertUsable`, for tests that are not about files:
 * the given files are usable by anyone, every other id is "not found" as the real service answers.
 * Tests about ownership and checks run the real asset service (`assetServiceUrl`).
 */
export function kycDocumentAssetsStandIn(
  files: Readonly<Record<string, UsableKycDocument>> = sampleKycFiles,
): KycDocumentAssets {
  return {
    check: (assetId) =>
      Promise.resolve(
        files[assetId]
          ? { usable: files[assetId] }
          : { refused: { reason: 'asset_not_found', message: 'There is no such file.' } },
      ),
  };
}
