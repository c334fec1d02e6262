import { redirect } from 'next/navigation';
import type { BrandProfile } from './form-values';
import { ownBrandProfile } from './own-brand-profile';

/** The signed-in brand's profile; a brand that has not onboarded yet is sent to the wizard. */
export async function requireOnboardedBrand(): Promise<BrandProfile> {
  const profile = await ownBrandProfile();
  if (!profile) redirect('/onboarding');
  return profile;
}
