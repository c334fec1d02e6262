import type { RealtimeConfig } from '@gametriggers/realtime';
import { overlayChannel } from '@gametriggers/realtime';
import { connectRealtime } from '@gametriggers/realtime/client';
import { OVERLAY_KEY_HEADER } from '../http/overlay-channel-auth';

export interface ReceivedOverlayEvent {
  event: 'ad.show' | 'ad.hide' | 'overlay.settings';
  data: Record<string, unknown>;
  at: number;
}

/**
 * What the overlay page in OBS does, in a test: a pusher-js client whose channel auth goes through
 * the overlay service's `POST /realtime/auth` with the overlay key, subscribed to its channel.
 */
export async function connectOverlayPage(options: {
  serviceUrl: string;
  realtime: RealtimeConfig;
  overlayId: string;
  key: string;
}) {
  const pusher = connectRealtime({
    key: options.realtime.key,
    ...(options.realtime.host ? { host: options.realtime.host } : {}),
    ...(options.realtime.port ? { port: options.realtime.port } : {}),
    useTLS: false,
    authorizer: async ({ socketId, channelName }) => {
      const response = await fetch(`${options.serviceUrl}/realtime/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', [OVERLAY_KEY_HEADER]: options.key },
        body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
      });
      if (!response.ok) throw new Error(`Channel auth refused (${response.status})`);
      return (await response.json()) as { auth: string };
    },
  });
  const received: ReceivedOverlayEvent[] = [];
  const waiters: Array<{ event: string; resolve: (e: ReceivedOverlayEvent) => void; from: number }> = [];
  const channel = pusher.subscribe(overlayChannel(options.overlayId));
  for (const event of ['ad.show', 'ad.hide', 'overlay.settings'] as const) {
    channel.bind(event, (data: Record<string, unknown>) => {
      const entry = { event, data, at: Date.now() };
      received.push(entry);
      for (const waiter of [...waiters]) {
        if (waiter.event === event && received.indexOf(entry) >= waiter.from) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(entry);
        }
      }
    });
  }
  await new Promise<void>((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', () => resolve());
    channel.bind('pusher:subscription_error', (error: unknown) => reject(new Error(`Subscription refused: ${JSON.stringify(error)}`)));
  });

  return {
    received,
    /** The next `event` received after this call (or already received since index `from`). */
    next(event: ReceivedOverlayEvent['event'], timeoutMs = 5_000, from = received.length): Promise<ReceivedOverlayEvent> {
      const already = received.slice(from).find((entry) => entry.event === event);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = { event, resolve, from };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(new Error(`No ${event} within ${timeoutMs} ms`));
          }
        }, timeoutMs).unref();
      });
    },
    close() {
      pusher.disconnect();
    },
  };
}
export type OverlayPage = Awaited<ReturnType<typeof connectOverlayPage>>;
