'use client';

import { useEffect, useState } from 'react';
import type { PublicPusherSettings } from '@gametriggers/realtime';
import { obsConnectionOf } from './obs-connection-state';
import type { ObsConnection, PresenceSnapshot } from './obs-connection-state';

const display: Record<ObsConnection, { dot: string; text: string; className: string }> = {
  checking: { dot: 'bg-slate-300 animate-pulse', text: 'Checking whether OBS is connected…', className: 'text-slate-500' },
  connected: { dot: 'bg-emerald-500', text: 'OBS connected', className: 'font-medium text-emerald-700' },
  absent: {
    dot: 'bg-amber-400',
    text: 'OBS not connected — add the link as a Browser Source',
    className: 'text-slate-700',
  },
  unavailable: { dot: 'bg-slate-300', text: 'Connection status unavailable', className: 'text-slate-500' },
};

/**
 * Whether the streamer's overlay is open in OBS right now, live: the overlay page and this page both
 * join `presence-streamer-<streamerId>`. If Pusher cannot be reached it says so and nothing else
 * on the page is affected.
 */
export function ObsConnectionStatus({ pusher, streamerId }: { pusher: PublicPusherSettings; streamerId: string }) {
  const [snapshot, setSnapshot] = useState<PresenceSnapshot>({ socket: 'initialized', memberKinds: null, refused: false });

  // Props from the server are new objects on every refresh: reconnect only when a setting changes.
  const settings = JSON.stringify(pusher);
  useEffect(() => {
    let stopped = false;
    let stop: (() => void) | undefined;
    const update = (change: Partial<PresenceSnapshot>) => {
      if (!stopped) setSnapshot((current) => ({ ...current, ...change }));
    };
    // Loaded on demand: pusher-js stays out of the page's first load.
    import('@gametriggers/realtime/client')
      .then(({ connectRealtime, streamerPresenceChannel, watchStreamerPresence }) => {
        if (stopped) return;
        const client = connectRealtime({
          ...(JSON.parse(settings) as PublicPusherSettings),
          authEndpoint: '/api/realtime/auth',
        });
        // Off the socket, the last member list is stale until pusher-js has resubscribed.
        client.connection.bind('state_change', ({ current }: { current: string }) =>
          update(current === 'connected' ? { socket: current } : { socket: current, memberKinds: null }),
        );
        const watch = watchStreamerPresence(client, streamerPresenceChannel(streamerId), {
          onMembers: (members) => update({ memberKinds: members.map((member) => member.info.kind), refused: false }),
          onSubscriptionError: (error) => {
            console.warn('OBS connection status: presence channel refused', error);
            update({ refused: true });
          },
        });
        stop = () => {
          watch.unsubscribe();
          client.disconnect();
        };
      })
      .catch((error: unknown) => {
        console.warn('OBS connection status: realtime client unavailable', error);
        update({ refused: true });
      });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [settings, streamerId]);

  const state = obsConnectionOf(snapshot);
  const shown = display[state];
  return (
    <p
      className={`mt-3 flex items-center gap-2 text-sm ${shown.className}`}
      role="status"
      aria-live="polite"
      data-testid="obs-connection"
      data-state={state}
    >
      <span className={`inline-block size-2.5 shrink-0 rounded-full ${shown.dot}`} aria-hidden="true" />
      {shown.text}
    </p>
  );
}
