import type { NotificationCreated, RealtimeConfig } from '@gametriggers/realtime';
import { connectRealtime, subscribeTyped, userChannel } from '@gametriggers/realtime/client';
import Pusher from 'pusher';

/**
 * A pusher-js client (the bell's library) subscribed to many people's `private-user-<id>` channels
 * at once, its channel auth signed by the official SDK as a portal's auth route would: what each
 * person's bell would have received, with when it arrived.
 */
export async function listenToUsers(realtime: RealtimeConfig, userIds: readonly string[]) {
  const host = realtime.host ?? '127.0.0.1';
  const sdk = new Pusher({
    appId: realtime.appId,
    key: realtime.key,
    secret: realtime.secret,
    host,
    ...(realtime.port ? { port: String(realtime.port) } : {}),
    useTLS: false,
  });
  const client = connectRealtime({
    key: realtime.key,
    host,
    ...(realtime.port ? { port: realtime.port } : {}),
    useTLS: false,
    authorizer: ({ socketId, channelName }) => Promise.resolve(sdk.authorizeChannel(socketId, channelName)),
  });
  const received = new Map<string, NotificationCreated[]>(userIds.map((userId) => [userId, []]));
  let lastArrivalMs = 0;
  let count = 0;
  await Promise.all(
    userIds.map(
      (userId) =>
        new Promise<void>((resolve, reject) => {
          subscribeTyped(
            client,
            userChannel(userId),
            {
              'notification.created': (payload) => {
                received.get(userId)?.push(payload);
                count += 1;
                lastArrivalMs = performance.now();
              },
            },
            { onSubscribed: resolve, onSubscriptionError: reject },
          );
        }),
    ),
  );
  return {
    received,
    /** Pushes received so far, over every channel. */
    count: () => count,
    /** `performance.now()` when the latest push arrived. */
    lastArrivalMs: () => lastArrivalMs,
    close: () => client.disconnect(),
  };
}
export type UserPushListener = Awaited<ReturnType<typeof listenToUsers>>;
