import { createRealtimeAuthRoute } from '@gametriggers/auth/portal';
import { portal } from '../../../../portal';

export const dynamic = 'force-dynamic';

/** pusher-js's channel auth for the notifications' bell: the signed-in person's own `private-user-<id>` only. */
export const POST = createRealtimeAuthRoute({ authOptions: portal.authOptions });
