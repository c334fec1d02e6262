import type { AuthEndpointOptions, ParsedRealtimeChannel } from '@gametriggers/realtime';

export interface RealtimeAccessRequest {
  /** The signed-in person, or nothing when signed out. */
  user: { id: string; name: string | null; role: string } | null | undefined;
  /** The browser's `Sec-Fetch-Site` header, when it sent one. */
  fetchSite: string | null;
}

export type RealtimeAccessDecision =
  | { kind: 'refuse'; status: 401 | 403; error: string }
  | { kind: 'authorize'; options: AuthEndpointOptions };

/** Whether the channel is this person's own `private-user-<id>` (their notifications' bell). */
export const isOwnUserChannel = (channel: ParsedRealtimeChannel, userId: string) =>
  channel.kind === 'user' && channel.userId === userId;

/**
 * Who may subscribe to what from a portal's pages: a signed-in person, to their own
 * `private-user-<their id>` only. Every other channel the channel authorizer answers 403.
 */
export function ownUserChannelAccess({ user, fetchSite }: RealtimeAccessRequest): RealtimeAccessDecision {
  if (!user) return { kind: 'refuse', status: 401, error: 'Sign in to receive live updates' };
  // Another site's page posting with the person's cookies must not get their channel signed.
  if (fetchSite && fetchSite !== 'same-origin') {
    return { kind: 'refuse', status: 403, error: 'Channel auth is only for this portal’s own pages' };
  }
  return { kind: 'authorize', options: { mayAccess: (channel) => isOwnUserChannel(channel, user.id) } };
}

/** A portal's own rule (the streamer's presence channel), plus the person's own user channel. */
export function withOwnUserChannel(
  decision: RealtimeAccessDecision,
  user: RealtimeAccessRequest['user'],
): RealtimeAccessDecision {
  if (decision.kind === 'refuse' || !user) return decision;
  const { mayAccess } = decision.options;
  return {
    kind: 'authorize',
    options: { ...decision.options, mayAccess: (channel) => isOwnUserChannel(channel, user.id) || mayAccess(channel) },
  };
}
