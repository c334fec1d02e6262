import { connectablePlatformSchema } from '@gametriggers/contracts';
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { portal } from '../../../portal';
import {
  CONNECT_RETURN_COOKIE,
  portalOrigin,
  redirectUriFor,
  safeReturnPath,
  withQuery,
} from '../connect-urls';

export const dynamic = 'force-dynamic';

const platformNames = { twitch: 'Twitch', youtube: 'YouTube' } as const;

/**
 * The OAuth redirect URI: the platform sends the streamer back here with `code` and `state` (or an
 * `error` when they declined). Completes the connection, then returns to where it started with
 * `connected=<platform>` or `connectError=<message>`.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ platform: string }> },
) {
  const returnTo = safeReturnPath(request.cookies.get(CONNECT_RETURN_COOKIE)?.value) ?? '/profile';
  const back = (query: Record<string, string>) => {
    const response = NextResponse.redirect(new URL(withQuery(returnTo, query), portalOrigin()));
    response.cookies.delete({ name: CONNECT_RETURN_COOKIE, path: '/connect' });
    return response;
  };

  const platform = connectablePlatformSchema.safeParse((await params).platform);
  if (!platform.success) return back({ connectError: 'That platform cannot be connected.' });
  const name = platformNames[platform.data];
  const query = request.nextUrl.searchParams;
  if (query.get('error')) {
    return back({ connectError: `${name} was not connected: you cancelled on ${name}.` });
  }
  const code = query.get('code');
  const state = query.get('state');
  if (!code || !state)
    return back({ connectError: `${name} sent you back without a sign-in. Try again.` });

  const result = await portal.act((api) =>
    api.streamer.platforms.connect.mutate({
      platform: platform.data,
      code,
      state,
      redirectUri: redirectUriFor(platform.data),
    }),
  );
  if (result.ok) return back({ connected: platform.data });
  // A malformed code or state fails the input check, whose wording ("state: Too small…") means
  // nothing to the streamer.
  return back({
    connectError: result.error.fieldErrors
      ? `${name} sent you back with a sign-in we could not read. Try connecting again.`
      : result.error.message,
  });
}
