import {
  listInboxInputSchema,
  notificationIdInputSchema,
  notificationPreferenceViewSchema,
  notificationViewSchema,
  setNotificationPreferenceInputSchema,
} from '@gametriggers/contracts';
import { authedProcedure, router } from '@gametriggers/trpc';
import { z } from 'zod';
import type { NotificationDeps } from './domain/deps';
import { archive, countUnread, listInbox, markAllRead, markRead } from './domain/inbox';
import { getPreferences, setPreference } from './domain/preferences';

const inboxPageOutput = z.object({ items: z.array(notificationViewSchema), nextCursor: z.string().nullable() });
const preferencesOutput = z.array(notificationPreferenceViewSchema);

/** Every procedure acts on the caller's own notifications and preferences only. */
export function createNotificationRouter(deps: NotificationDeps) {
  return router({
    notification: router({
      inbox: router({
        /** The caller's notifications, newest first: all (not archived), unread, read or archived. */
        list: authedProcedure
          .input(listInboxInputSchema)
          .output(inboxPageOutput)
          .query(({ ctx, input }) => listInbox(deps, ctx.caller, input)),

        /** What the bell shows: unread, not archived. */
        unreadCount: authedProcedure
          .output(z.object({ unread: z.number().int().nonnegative() }))
          .query(async ({ ctx }) => ({ unread: await countUnread(deps, ctx.caller.userId) })),

        markRead: authedProcedure
          .input(notificationIdInputSchema)
          .output(notificationViewSchema)
          .mutation(({ ctx, input }) => markRead(deps, ctx.caller, input.notificationId)),

        markAllRead: authedProcedure
          .output(z.object({ marked: z.number().int().nonnegative() }))
          .mutation(({ ctx }) => markAllRead(deps, ctx.caller)),

        archive: authedProcedure
          .input(notificationIdInputSchema)
          .output(notificationViewSchema)
          .mutation(({ ctx, input }) => archive(deps, ctx.caller, input.notificationId)),
      }),

      preferences: router({
        /** Every category × channel (in-app, email), with which cannot be turned off. */
        get: authedProcedure.output(preferencesOutput).query(({ ctx }) => getPreferences(deps, ctx.caller)),

        /** One category's channel on or off; money and security email refuses `preference_required`. */
        set: authedProcedure
          .input(setNotificationPreferenceInputSchema)
          .output(preferencesOutput)
          .mutation(({ ctx, input }) => setPreference(deps, ctx.caller, input)),
      }),
    }),
  });
}

export type NotificationRouter = ReturnType<typeof createNotificationRouter>;
