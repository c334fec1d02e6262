import { portalDestination } from '@gametriggers/auth';
import { portalSession } from '@gametriggers/auth/server';
import { redirect } from 'next/navigation';
import { authOptions, siteSettings } from '../../site';

export const dynamic = 'force-dynamic';

/** Where OAuth sign-ins come back to: on to the person's own portal. */
export default async function ContinuePage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const session = await portalSession(authOptions());
  redirect(
    session
      ? portalDestination(siteSettings().portals, session.user.role, callbackUrl)
      : '/sign-in',
  );
}
