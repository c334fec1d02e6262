'use client';

import type { NotificationCreated, PublicPusherSettings } from '@gametriggers/realtime';
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';

/** What the page's one connection to `private-user-<me>` gives its readers (the bell, the inbox). */
export interface NotificationStream {
  /** Unread and not archived, as last known; null when the notification service could not be asked. */
  unread: number | null;
  setUnread: (unread: number) => void;
  /** Each `notification.created` pushed to the person; returns the unsubscribe. */
  onNotification: (listener: (notice: NotificationCreated) => void) => () => void;
  /** Each time the channel is (re)subscribed: a push may have been missed, read again. */
  onSubscribed: (listener: () => void) => () => void;
}

const StreamContext = createContext<NotificationStream | null>(null);

/**
 * One pusher-js connection per page for the person's notifications, shared by whoever reads them
 * (the header's bell, the inbox page) instead of a connection each. pusher-js is loaded on demand.
 * `initialUnread` comes from the server render; a later render (e.g. after `router.refresh()`
 * when something was marked read) brings the count up to date again.
 */
export function NotificationStreamProvider({
  userId,
  pusher,
  initialUnread,
  children,
}: {
  userId: string;
  pusher: PublicPusherSettings | null;
  initialUnread: number | null;
  children: ReactNode;
}) {
  const [unread, setUnread] = useState(initialUnread);
  useEffect(() => setUnread(initialUnread), [initialUnread]);
  const noticeListeners = useRef(new Set<(notice: NotificationCreated) => void>());
  const subscribedListeners = useRef(new Set<() => void>());

  const settings = pusher ? JSON.stringify(pusher) : null;
  useEffect(() => {
    if (!settings) return;
    let stopped = false;
    let stop: (() => void) | undefined;
    import('@gametriggers/realtime/client')
      .then(({ connectRealtime, subscribeTyped, userChannel }) => {
        if (stopped) return;
        const client = connectRealtime({ ...(JSON.parse(settings) as PublicPusherSettings), authEndpoint: '/api/realtime/auth' });
        const subscription = subscribeTyped(
          client,
          userChannel(userId),
          {
            'notification.created': (notice) => {
              setUnread(notice.unreadCount);
              for (const listener of noticeListeners.current) listener(notice);
            },
          },
          {
            onSubscribed: () => {
              for (const listener of subscribedListeners.current) listener();
            },
            onSubscriptionError: (failure) => console.warn('Notifications: live updates refused', failure),
          },
        );
        stop = () => {
          subscription.unsubscribe();
          client.disconnect();
        };
      })
      .catch((failure: unknown) => console.warn('Notifications: live updates unavailable', failure));
    return () => {
      stopped = true;
      stop?.();
    };
  }, [settings, userId]);

  const onNotification = useCallback((listener: (notice: NotificationCreated) => void) => {
    noticeListeners.current.add(listener);
    return () => void noticeListeners.current.delete(listener);
  }, []);
  const onSubscribed = useCallback((listener: () => void) => {
    subscribedListeners.current.add(listener);
    return () => void subscribedListeners.current.delete(listener);
  }, []);
  const stream = useMemo<NotificationStream>(
    () => ({ unread, setUnread, onNotification, onSubscribed }),
    [unread, onNotification, onSubscribed],
  );
  return <StreamContext.Provider value={stream}>{children}</StreamContext.Provider>;
}

/** The page's notification stream; without a provider, a still one (no count, nothing live). */
export function useNotificationStream(): NotificationStream {
  const stream = useContext(StreamContext);
  return stream ?? stillStream;
}

const stillStream: NotificationStream = {
  unread: null,
  setUnread: () => undefined,
  onNotification: () => () => undefined,
  onSubscribed: () => () => undefined,
};
