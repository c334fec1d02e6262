import { describe, expect, it } from 'vitest';
import { overlayChannel, parseRealtimeChannel, streamerPresenceChannel, userChannel } from './channels';

describe('channel names', () => {
  it('round-trips overlay and streamer presence channels', () => {
    expect(overlayChannel('3f1c-9a')).toBe('private-overlay-3f1c-9a');
    expect(parseRealtimeChannel('private-overlay-3f1c-9a')).toEqual({ kind: 'overlay', overlayId: '3f1c-9a' });
    expect(streamerPresenceChannel('s1')).toBe('presence-streamer-s1');
    expect(parseRealtimeChannel('presence-streamer-s1')).toEqual({ kind: 'streamerPresence', streamerId: 's1' });
  });

  it('round-trips a person’s own channel', () => {
    expect(userChannel('u-1')).toBe('private-user-u-1');
    expect(parseRealtimeChannel('private-user-u-1')).toEqual({ kind: 'user', userId: 'u-1' });
    expect(parseRealtimeChannel('private-user-')).toBeUndefined();
  });

  it('refuses ids Pusher cannot carry, and names outside the catalogue', () => {
    expect(() => overlayChannel('a b')).toThrow(/cannot be part of a channel name/);
    expect(parseRealtimeChannel('private-overlay-')).toBeUndefined();
    expect(parseRealtimeChannel('public-news')).toBeUndefined();
  });
});
