import { portalSession, sessionRevoked } from '@gametriggers/auth/server';
import { createChannelAuthorizer, realtimeConfigFromEnv } from '@gametriggers/realtime';
import type { ChannelAuthorizer } from '@gametriggers/realtime';
import { portal } from '../../../../portal';
import { portalPresenceAccess } from './portal-presence-access';

export const dynamic = 'force-dynamic';

const MAX_AUTH_BODY_BYTES = 4_096;
let authorizer: ChannelAuthorizer | undefined;

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * pusher-js's channel auth for the portal's own pages (form body `socket_id`, `channel_name`): signs
 * the signed-in streamer's presence channel, so the overlay page can show whether OBS is connected,
 * and never once the session has ended (a suspended account).
 */
export async function POST(request: Request) {
  const session = await portalSession(portal.authOptions());
  const decision = portalPresenceAccess({
    user: session?.user,
    fetchSite: request.headers.get('sec-fetch-site'),
  });
  if (decision.kind === 'refuse') return json({ error: decision.error }, decision.status);
  // The cookie outlives a suspension until its token expires; the gateway refuses that token at once.
  const revoked = session ? await sessionRevoked(session).catch(() => undefined) : false;
  if (revoked === undefined) return json({ error: 'Try again in a moment' }, 503);
  if (revoked) return json({ error: 'Your session has ended. Sign in again.' }, 401);
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_AUTH_BODY_BYTES) return json({ error: 'Request too large' }, 413);
  // Read on first use, so a build without Pusher settings still succeeds.
  authorizer ??= createChannelAuthorizer(realtimeConfigFromEnv(process.env));
  const answer = await authorizer.respondToAuthRequest(body, decision.options);
  return json(answer.body, answer.status);
}
