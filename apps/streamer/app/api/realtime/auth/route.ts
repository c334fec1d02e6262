import { createRealtimeAuthRoute, withOwnUserChannel } from '@gametriggers/auth/portal';
import { portal } from '../../../../portal';
import { portalPresenceAccess } from './portal-presence-access';

export const dynamic = 'force-dynamic';

/**
 * pusher-js's channel auth for the portal's own pages: the signed-in streamer's presence channel
 * (so the overlay page can show whether OBS is connected) and their own `private-user-<id>` (the
 * notifications' bell); never once the session has ended (a suspended account).
 */
export const POST = createRealtimeAuthRoute({
  authOptions: portal.authOptions,
  access: (request) => withOwnUserChannel(portalPresenceAccess(request), request.user),
});
