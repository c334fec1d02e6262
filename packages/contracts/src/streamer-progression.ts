import { z } from 'zod';
import { countSchema, idSchema, instantSchema } from './primitives';

/** Ten years of days: the longest streak an import may carry. */
const MAX_STREAK_DAYS = 3_650;

/**
 * A streamer's progression as the old platform kept it on its `users` documents (`streakCurrent`,
 * `streakLongest`, `streakLastDate`, `streakHistory`, `xp.total`, `xp.level`, reputation points):
 * `streamer.internal.importProgression` replaces what was imported before, so it may run again.
 */
export const importStreamerProgressionInput = z.object({
  streamerId: idSchema('streamer'),
  currentStreak: countSchema({ what: 'current streak', max: MAX_STREAK_DAYS }),
  longestStreak: countSchema({ what: 'longest streak', max: MAX_STREAK_DAYS }),
  lastStreakDay: instantSchema().nullable(),
  streakDays: z.array(instantSchema()).max(MAX_STREAK_DAYS).default([]),
  experiencePoints: countSchema({ what: 'experience points', max: 1_000_000_000 }),
  level: countSchema({ what: 'level', min: 1, max: 1_000 }),
  reputationPoints: countSchema({ what: 'reputation points', max: 1_000_000_000 }),
});
export type ImportStreamerProgressionInput = z.input<typeof importStreamerProgressionInput>;
