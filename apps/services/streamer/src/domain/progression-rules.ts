/**
 * The rules of streamer progression, as plain functions: days are calendar dates `YYYY-MM-DD` in the
 * streamer's time zone, and every figure is derived from counters, so applying the same facts in
 * any order gives the same result.
 */

export const progressionRules = {
  /** Impressions are viewer impressions (an ad shown to 340 viewers counts 340). */
  countedImpressionsPerExperiencePoint: 10,
  experiencePerCompletedCampaign: 250,
  reputationPerCompletedCampaign: 10,
  reputationLostPerFraudRemoval: 50,
  reputationLostPerViolationRemoval: 10,
  /** The streak calendar: this many weeks, Monday to Sunday, the last one holding today. */
  calendarWeeks: 8,
} as const;

export type CalendarDay = string;

const DAY_MS = 86_400_000;

const dayNumber = (day: CalendarDay) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOfNumber = (value: number): CalendarDay =>
  new Date(value * DAY_MS).toISOString().slice(0, 10);

/** Calendar arithmetic on dates alone, so a 23- or 25-hour day (DST) is still one day. */
export const addDays = (day: CalendarDay, days: number): CalendarDay =>
  dayOfNumber(dayNumber(day) + days);

/** The calendar date an instant falls on in a time zone. */
export function localDayOf(instant: Date, timeZone: string): CalendarDay {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The day of an instant as the old platform stored it (dates at UTC midnight). */
export const utcDayOf = (instant: Date): CalendarDay => instant.toISOString().slice(0, 10);

export interface StreakSummary {
  /** Consecutive counted days ending today, or yesterday while today may still count. */
  current: number;
  longest: number;
}

/**
 * Streaks from the counted days. A day without a counted impression ends a run; today not counted
 * yet does not (the streamer may still go live), so the current streak then ends yesterday.
 */
export function streakSummary(
  countedDays: Iterable<CalendarDay>,
  today: CalendarDay,
  importedLongest = 0,
): StreakSummary {
  const days = [...new Set(countedDays)].map(dayNumber).sort((a, b) => a - b);
  let longest = importedLongest;
  let run = 0;
  let previous: number | undefined;
  for (const day of days) {
    run = previous !== undefined && day === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const todayNumber = dayNumber(today);
  const last = days.filter((day) => day <= todayNumber).at(-1);
  if (last === undefined || last < todayNumber - 1) return { current: 0, longest };
  let current = 0;
  const counted = new Set(days);
  while (counted.has(last - current)) current += 1;
  return { current, longest };
}

/** The counted days of an imported streak: `currentStreak` days ending `lastStreakDay`, and the history. */
export function importedStreakDays(streak: {
  currentStreak: number;
  lastStreakDay: CalendarDay | null;
  history: CalendarDay[];
}): CalendarDay[] {
  const run = streak.lastStreakDay
    ? Array.from({ length: streak.currentStreak }, (_, index) =>
        addDays(streak.lastStreakDay as CalendarDay, -index),
      )
    : [];
  return [...new Set([...run, ...streak.history])].sort();
}

/** Total experience needed to reach `level` (level 1 at 0; each level asks 100 XP more than the last). */
export const experienceForLevel = (level: number) => 50 * level * (level - 1);

export function levelForExperience(experience: number) {
  let level = 1;
  while (experienceForLevel(level + 1) <= experience) level += 1;
  return level;
}

export interface LevelProgress {
  level: number;
  experiencePoints: number;
  /** The XP at which the current level began and at which the next one begins. */
  levelStartsAt: number;
  nextLevelAt: number;
}

/** An imported level is kept as a floor: a streamer never comes over to a lower level. */
export function levelProgress(experiencePoints: number, importedLevel = 1): LevelProgress {
  const level = Math.max(levelForExperience(experiencePoints), importedLevel);
  return {
    level,
    experiencePoints,
    levelStartsAt: experienceForLevel(level),
    nextLevelAt: experienceForLevel(level + 1),
  };
}

export interface ProgressionCounters {
  countedImpressions: number;
  completedCampaigns: number;
  fraudRemovals: number;
  violationRemovals: number;
  importedExperience: number;
  importedReputation: number;
}

export const experiencePoints = (counters: ProgressionCounters) =>
  counters.importedExperience +
  Math.floor(counters.countedImpressions / progressionRules.countedImpressionsPerExperiencePoint) +
  counters.completedCampaigns * progressionRules.experiencePerCompletedCampaign;

/** Reputation never shows below zero, but a removal for fraud is owed back before it grows again. */
export const reputationPoints = (counters: ProgressionCounters) =>
  Math.max(
    0,
    counters.importedReputation +
      counters.completedCampaigns * progressionRules.reputationPerCompletedCampaign -
      counters.fraudRemovals * progressionRules.reputationLostPerFraudRemoval -
      counters.violationRemovals * progressionRules.reputationLostPerViolationRemoval,
  );

/** What a removal does to reputation, by its reason. */
export function removalCounter(
  reason: 'violation' | 'fraud' | 'admin_decision' | 'brand_decision',
): 'fraudRemovals' | 'violationRemovals' | null {
  if (reason === 'fraud') return 'fraudRemovals';
  if (reason === 'violation') return 'violationRemovals';
  return null;
}

/**
 * A counted hour is re-sent with a higher revision when late reports change it: the newest
 * revision replaces the older one (the change is the difference); an older or equal one is stale.
 */
export function hourCountChange(
  stored: { revision: number; impressions: number } | null,
  incoming: { revision: number; impressions: number },
): number | null {
  if (stored && incoming.revision <= stored.revision) return null;
  return incoming.impressions - (stored?.impressions ?? 0);
}

/** A participation earns its campaign's completion once: still in it and with delivery counted. */
export const earnsCompletion = (participation: {
  status: 'active' | 'left' | 'removed';
  countedImpressions: number;
  completionCredited: boolean;
}) =>
  participation.status === 'active' &&
  participation.countedImpressions > 0 &&
  !participation.completionCredited;

/** The calendar's days: whole weeks from Monday, the last week holding today. */
export function calendarDays(today: CalendarDay): CalendarDay[] {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const first = addDays(today, -weekday - 7 * (progressionRules.calendarWeeks - 1));
  const length = dayNumber(today) - dayNumber(first) + 1;
  return Array.from({ length }, (_, index) => addDays(first, index));
}
