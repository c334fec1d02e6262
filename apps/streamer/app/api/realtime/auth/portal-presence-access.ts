import type { AuthEndpointOptions } from '@gametriggers/realtime';

export interface PortalPresenceRequest {
  /** The signed-in person, or nothing when signed out. */
  user: { id: string; name: string | null; role: string } | null | undefined;
  /** The browser's `Sec-Fetch-Site` header, when it sent one. */
  fetchSite: string | null;
}

export type PortalPresenceDecision =
  | { kind: 'refuse'; status: 401 | 403; error: string }
  | { kind: 'authorize'; options: AuthEndpointOptions };

/**
 * Who may join which channel from the streamer portal: a signed-in streamer, their own
 * `presence-streamer-<their id>` only, as a `portal` member with their name. Everything else the
 * channel authorizer answers 403.
 */
export function portalPresenceAccess({ user, fetchSite }: PortalPresenceRequest): PortalPresenceDecision {
  if (!user) return { kind: 'refuse', status: 401, error: 'Sign in to see whether your overlay is connected' };
  // Another site's page posting with the streamer's cookies must not get their channel signed.
  if (fetchSite && fetchSite !== 'same-origin') {
    return { kind: 'refuse', status: 403, error: 'Channel auth is only for this portal’s own pages' };
  }
  const name = user.name?.slice(0, 100);
  return {
    kind: 'authorize',
    options: {
      user: { id: user.id, info: { kind: 'portal', ...(name ? { name } : {}) } },
      mayAccess: (channel) =>
        user.role === 'streamer' && channel.kind === 'streamerPresence' && channel.streamerId === user.id,
    },
  };
}
