import type { RealtimePublisher } from '@gametriggers/realtime';
import { userChannel } from '@gametriggers/realtime';
import type { Logger } from '@gametriggers/trpc';
import type { NotificationDb } from '../database';
import { countUnread } from '../domain/inbox';
import type { StoredNotification } from '../events/notify-on-event';

/**
 * Pushes stored in-app notifications to their people's channels, after the commit. Best effort: a
 * failed push is logged; the notification is stored, and a bell reads the count on reconnect.
 */
export function createNotificationPush(options: { publisher: RealtimePublisher; db: NotificationDb; log: Logger }) {
  return async function pushStored(stored: readonly StoredNotification[]): Promise<void> {
    for (const notification of stored) {
      if (!notification.inApp) continue;
      try {
        await options.publisher.publish(userChannel(notification.userId), 'notification.created', {
          notificationId: notification.notificationId,
          category: notification.category,
          title: notification.title,
          body: notification.body,
          link: notification.link,
          createdAt: notification.createdAt.toISOString(),
          unreadCount: await countUnread(options, notification.userId),
        });
      } catch (error) {
        options.log.error({ err: error, notificationId: notification.notificationId }, 'notification push failed');
      }
    }
  };
}
