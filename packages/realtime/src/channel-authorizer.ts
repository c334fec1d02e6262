import { z } from 'zod';
import type { ChannelAuthorization } from './channel-authorization';
import { parseRealtimeChannel, streamerPresenceMemberSchema } from './channels';
import type { ParsedRealtimeChannel, StreamerPresenceMember } from './channels';
import { createPusherServerClient } from './pusher-server-client';
import type { RealtimeConfig } from './realtime-config';

/** Who is subscribing; presence channels show `id` and `info` to the other members. */
export interface PresenceUser {
  id: string;
  info: StreamerPresenceMember;
}

export interface ChannelAuthorizationRequest {
  socketId: string;
  channel: string;
  user?: PresenceUser;
}

export interface AuthEndpointOptions {
  /** The signed-in user, required for presence channels. */
  user?: PresenceUser;
  /** The app's ownership rule: may this user listen on this channel? */
  mayAccess: (channel: ParsedRealtimeChannel) => boolean | Promise<boolean>;
}

export type AuthEndpointResponse =
  | { status: 200; body: ChannelAuthorization }
  | { status: 400 | 403; body: { error: string } };

export interface ChannelAuthorizer {
  /** Signs a subscription; the caller has already decided the user may have it. */
  authorizeChannel(request: ChannelAuthorizationRequest): ChannelAuthorization;
  /**
   * The whole auth endpoint without a framework: takes the body pusher-js posts
   * (`socket_id=…&channel_name=…`, raw or parsed) and returns the status and JSON to send.
   */
  respondToAuthRequest(body: string | Record<string, unknown>, options: AuthEndpointOptions): Promise<AuthEndpointResponse>;
}

const authRequestSchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, 'must look like "1234.5678"'),
  channel_name: z.string().min(1),
});

export function createChannelAuthorizer(config: RealtimeConfig): ChannelAuthorizer {
  const pusher = createPusherServerClient(config);

  function authorizeChannel({ socketId, channel, user }: ChannelAuthorizationRequest): ChannelAuthorization {
    const parsed = parseRealtimeChannel(channel);
    if (!parsed) throw new Error(`"${channel}" is not a channel in the realtime catalogue`);
    if (parsed.kind !== 'streamerPresence') return pusher.authorizeChannel(socketId, channel);
    if (!user) throw new Error(`${channel} is a presence channel: a user is required`);
    const info = streamerPresenceMemberSchema.parse(user.info);
    return pusher.authorizeChannel(socketId, channel, { user_id: user.id, user_info: info });
  }

  return {
    authorizeChannel,
    async respondToAuthRequest(body, { user, mayAccess }) {
      const fields = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : body;
      const request = authRequestSchema.safeParse(fields);
      if (!request.success) return { status: 400, body: { error: z.prettifyError(request.error) } };
      const { socket_id: socketId, channel_name: channel } = request.data;
      const parsed = parseRealtimeChannel(channel);
      if (!parsed) return { status: 400, body: { error: `"${channel}" is not a channel in the realtime catalogue` } };
      if (parsed.kind === 'streamerPresence' && !user) {
        return { status: 403, body: { error: 'Sign in to join a presence channel' } };
      }
      if (!(await mayAccess(parsed))) return { status: 403, body: { error: `Not allowed to subscribe to ${channel}` } };
      return { status: 200, body: authorizeChannel({ socketId, channel, ...(user ? { user } : {}) }) };
    },
  };
}
