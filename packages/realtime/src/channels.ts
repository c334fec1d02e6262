import { z } from 'zod';

/** The overlay page in OBS listens here for what to show. Private: only its streamer's backend may publish. */
export type OverlayChannel = `private-overlay-${string}`;
/** Who is live for a streamer right now: their open portal tabs and their overlay. */
export type StreamerPresenceChannel = `presence-streamer-${string}`;
/** One person's live updates (their notifications' bell). Private: only the notification service publishes. */
export type UserChannel = `private-user-${string}`;
export type RealtimeChannel = OverlayChannel | StreamerPresenceChannel | UserChannel;

export type ParsedRealtimeChannel =
  | { kind: 'overlay'; overlayId: string }
  | { kind: 'streamerPresence'; streamerId: string }
  | { kind: 'user'; userId: string };

const OVERLAY_PREFIX = 'private-overlay-';
const STREAMER_PRESENCE_PREFIX = 'presence-streamer-';
const USER_PREFIX = 'private-user-';
/** The characters Pusher allows in a channel name. */
const CHANNEL_ID_PATTERN = /^[A-Za-z0-9_\-=@,.;]{1,150}$/;

export function overlayChannel(overlayId: string): OverlayChannel {
  return `${OVERLAY_PREFIX}${assertChannelId(overlayId)}`;
}

export function streamerPresenceChannel(streamerId: string): StreamerPresenceChannel {
  return `${STREAMER_PRESENCE_PREFIX}${assertChannelId(streamerId)}`;
}

export function userChannel(userId: string): UserChannel {
  return `${USER_PREFIX}${assertChannelId(userId)}`;
}

export function parseRealtimeChannel(name: string): ParsedRealtimeChannel | undefined {
  const overlayId = idAfter(name, OVERLAY_PREFIX);
  if (overlayId) return { kind: 'overlay', overlayId };
  const streamerId = idAfter(name, STREAMER_PRESENCE_PREFIX);
  if (streamerId) return { kind: 'streamerPresence', streamerId };
  const userId = idAfter(name, USER_PREFIX);
  if (userId) return { kind: 'user', userId };
  return undefined;
}

/** What every member of a streamer's presence channel tells the others about itself. */
export const streamerPresenceMemberSchema = z.object({
  kind: z.enum(['portal', 'overlay']),
  name: z.string().max(100).optional(),
});
export type StreamerPresenceMember = z.infer<typeof streamerPresenceMemberSchema>;

function idAfter(name: string, prefix: string): string | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const id = name.slice(prefix.length);
  return CHANNEL_ID_PATTERN.test(id) ? id : undefined;
}

function assertChannelId(id: string): string {
  if (!CHANNEL_ID_PATTERN.test(id)) {
    throw new Error(`"${id}" cannot be part of a channel name (use letters, digits and _-=@,.;)`);
  }
  return id;
}
