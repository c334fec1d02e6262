import { cache } from 'react';
import { portal } from '../../portal';

/**
 * The signed-in brand's profile (null before onboarding), read once per request however many parts
 * of the page show it. A page starts it first (`void ownBrandProfile().catch(() => null)`), so it
 * is read beside the page's own reads instead of after them.
 */
export const ownBrandProfile = cache(async () => (await portal.sessionApi()).brand.me.query());
