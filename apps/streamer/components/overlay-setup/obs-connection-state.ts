/** What the overlay page says about OBS: checking, connected, not connected, or unknown. */
export type ObsConnection = 'checking' | 'connected' | 'absent' | 'unavailable';

export interface PresenceSnapshot {
  /** pusher-js's connection state: `connecting`, `connected`, `unavailable`, `failed`, … */
  socket: string;
  /** The kinds of everyone on the streamer's presence channel, once subscribed; null before. */
  memberKinds: readonly string[] | null;
  /** The channel auth was refused, or the realtime client could not be loaded. */
  refused: boolean;
}

/** OBS counts as connected while an overlay page is a member of the streamer's presence channel. */
export function obsConnectionOf({ socket, memberKinds, refused }: PresenceSnapshot): ObsConnection {
  if (refused || socket === 'unavailable' || socket === 'failed') return 'unavailable';
  if (socket !== 'connected' || memberKinds === null) return 'checking';
  return memberKinds.includes('overlay') ? 'connected' : 'absent';
}
