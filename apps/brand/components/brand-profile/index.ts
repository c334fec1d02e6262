// Server-side pieces other pages use; the forms are imported from their own files.
export { BrandSetupBanner } from './brand-setup-banner';
export { ownBrandProfile } from './own-brand-profile';
export { requireOnboardedBrand } from './require-onboarded-brand';
export { VerificationStatusBadge } from './verification-status-badge';
export type { BrandProfile } from './form-values';
