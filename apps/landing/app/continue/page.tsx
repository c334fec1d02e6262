import { portalSession } from '@gametriggers/auth/server';
import { redirect } from 'next/navigation';
import { authOptions, siteSettings } from '../../site';

export const dynamic = 'force-dynamic';

/** Where OAuth sign-ins come back to: on to the person's own portal. */
export default async function ContinuePage() {
  const session = await portalSession(authOptions());
  redirect(session ? siteSettings().portals[session.user.role] : '/sign-in');
}
