import { redirect } from 'next/navigation';
import { portal } from '../../portal';
import type { BrandProfile } from './form-values';

/** The signed-in brand's profile; a brand that has not onboarded yet is sent to the wizard. */
export async function requireOnboardedBrand(): Promise<BrandProfile> {
  const api = await portal.sessionApi();
  const profile = await api.brand.me.query();
  if (!profile) redirect('/onboarding');
  return profile;
}
