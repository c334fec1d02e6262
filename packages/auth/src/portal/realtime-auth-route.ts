import { createChannelAuthorizer, realtimeConfigFromEnv } from '@gametriggers/realtime';
import type { ChannelAuthorizer } from '@gametriggers/realtime';
import type { NextAuthOptions } from 'next-auth';
import { portalSession, sessionRevoked } from '../server';
import { ownUserChannelAccess } from './realtime-access';
import type { RealtimeAccessDecision, RealtimeAccessRequest } from './realtime-access';

const MAX_AUTH_BODY_BYTES = 4_096;

export interface RealtimeAuthRouteOptions {
  authOptions: () => NextAuthOptions;
  /** Which channels the person may have; by default their own `private-user-<id>` only. */
  access?: (request: RealtimeAccessRequest) => RealtimeAccessDecision;
  /** The Pusher settings (app id, key, secret, host); read from `process.env` on first use by default. */
  env?: () => Record<string, string | undefined>;
  /** Whether the session ended since its token was issued; the gateway's answer by default. */
  revoked?: typeof sessionRevoked;
}

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * pusher-js's channel auth for a portal's own pages (form body `socket_id`, `channel_name`), as a
 * route handler (`app/api/realtime/auth/route.ts`): signs what `access` allows the signed-in person,
 * and nothing once the session has ended (a suspended account).
 */
export function createRealtimeAuthRoute({
  authOptions,
  access = ownUserChannelAccess,
  env = () => process.env,
  revoked = sessionRevoked,
}: RealtimeAuthRouteOptions) {
  let authorizer: ChannelAuthorizer | undefined;
  return async function POST(request: Request): Promise<Response> {
    const session = await portalSession(authOptions());
    const decision = access({ user: session?.user, fetchSite: request.headers.get('sec-fetch-site') });
    if (decision.kind === 'refuse') return json({ error: decision.error }, decision.status);
    // The cookie outlives a suspension until its token expires; the gateway refuses that token at once.
    const ended = session ? await revoked(session).catch(() => undefined) : false;
    if (ended === undefined) return json({ error: 'Try again in a moment' }, 503);
    if (ended) return json({ error: 'Your session has ended. Sign in again.' }, 401);
    const body = await request.text();
    if (Buffer.byteLength(body) > MAX_AUTH_BODY_BYTES) return json({ error: 'Request too large' }, 413);
    // Read on first use, so a build without Pusher settings still succeeds.
    authorizer ??= createChannelAuthorizer(realtimeConfigFromEnv(env()));
    const answer = await authorizer.respondToAuthRequest(body, decision.options);
    return json(answer.body, answer.status);
  };
}
