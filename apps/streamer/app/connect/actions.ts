'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import { connectablePlatformSchema } from '@gametriggers/contracts';
import type { ConnectablePlatform } from '@gametriggers/contracts';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { portal } from '../../portal';
import {
  CONNECT_RETURN_COOKIE,
  portalOrigin,
  redirectUriFor,
  safeReturnPath,
} from './connect-urls';

/**
 * Starts connecting a platform: asks the service for the consent URL (with its one-time state),
 * remembers where to come back to, and sends the browser to the platform.
 */
export async function startPlatformConnect(
  platform: ConnectablePlatform,
  returnTo: string,
): Promise<ActionResult<null>> {
  const parsed = connectablePlatformSchema.parse(platform);
  const result = await portal.act((api) =>
    api.streamer.platforms.authorizationUrl.mutate({
      platform: parsed,
      redirectUri: redirectUriFor(parsed),
    }),
  );
  if (!result.ok) return result;
  (await cookies()).set(CONNECT_RETURN_COOKIE, safeReturnPath(returnTo) ?? '/profile', {
    httpOnly: true,
    sameSite: 'lax',
    secure: portalOrigin().startsWith('https:'),
    path: '/connect',
    maxAge: 15 * 60,
  });
  redirect(result.data.url);
}
