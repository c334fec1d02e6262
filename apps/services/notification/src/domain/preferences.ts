import type { NotificationCategory, NotificationChannel, NotificationPreferenceView } from '@gametriggers/contracts';
import { isChannelOnByDefault, isPreferenceLocked, notificationCategories, notificationChannels } from '@gametriggers/contracts';
import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type { NotificationDb, NotificationTx } from '../database';
import type { NotificationDeps } from './deps';

/** Which channels reach a person for a category: their choice, else the default; locked ones always on. */
export async function channelsFor(
  db: NotificationDb | NotificationTx,
  userId: string,
  category: NotificationCategory,
): Promise<Record<NotificationChannel, boolean>> {
  const rows = await db.preference.findMany({ where: { userId, category } });
  const enabled = (channel: NotificationChannel) =>
    isPreferenceLocked(category, channel) ||
    (rows.find((row) => row.channel === channel)?.enabled ?? isChannelOnByDefault(category, channel));
  return { in_app: enabled('in_app'), email: enabled('email') };
}

/** Every category × channel for the caller, with what cannot be turned off. */
export async function getPreferences(deps: NotificationDeps, caller: UserCaller): Promise<NotificationPreferenceView[]> {
  const rows = await deps.db.preference.findMany({ where: { userId: caller.userId } });
  return notificationCategories.flatMap((category) =>
    notificationChannels.map((channel) => {
      const locked = isPreferenceLocked(category, channel);
      const stored = rows.find((row) => row.category === category && row.channel === channel);
      return { category, channel, enabled: locked || (stored?.enabled ?? isChannelOnByDefault(category, channel)), locked };
    }),
  );
}

export interface PreferenceChange {
  category: NotificationCategory;
  channel: NotificationChannel;
  enabled: boolean;
}

/** Turns one category's channel on or off for the caller; money and security email stays on. */
export async function setPreference(
  deps: NotificationDeps,
  caller: UserCaller,
  change: PreferenceChange,
): Promise<NotificationPreferenceView[]> {
  if (!change.enabled && isPreferenceLocked(change.category, change.channel)) {
    throw new DomainError(
      'invalid',
      'preference_required',
      'Emails about money and account security cannot be turned off: they tell you about your funds and your account.',
      { category: change.category, channel: change.channel },
    );
  }
  const key = { userId: caller.userId, category: change.category, channel: change.channel };
  await deps.db.preference.upsert({
    where: { userId_category_channel: key },
    create: { ...key, enabled: change.enabled, updatedAt: deps.now() },
    update: { enabled: change.enabled, updatedAt: deps.now() },
  });
  return getPreferences(deps, caller);
}
