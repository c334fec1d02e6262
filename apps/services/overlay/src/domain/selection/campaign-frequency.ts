import type { AdCandidate, PastShow } from './selection-types';

const HOUR_MS = 3_600_000;

export function showsWithinLastHour(history: readonly PastShow[], now: Date): PastShow[] {
  return history.filter((show) => now.getTime() - show.shownAt.getTime() < HOUR_MS && show.shownAt <= now);
}

export function lastShownAt(history: readonly PastShow[], participationId: string): Date | null {
  let latest: Date | null = null;
  for (const show of history) {
    if (show.participationId === participationId && (!latest || show.shownAt > latest)) latest = show.shownAt;
  }
  return latest;
}

/** The campaign's own caps: at most maxShowsPerHour shows per hour, minMinutesBetweenShows apart. */
export function withinCampaignFrequency(candidate: AdCandidate, history: readonly PastShow[], now: Date): boolean {
  const campaignShows = history.filter((show) => show.campaignId === candidate.campaignId);
  if (showsWithinLastHour(campaignShows, now).length >= candidate.frequency.maxShowsPerHour) return false;
  const latest = campaignShows.reduce<Date | null>((max, show) => (!max || show.shownAt > max ? show.shownAt : max), null);
  return !latest || now.getTime() - latest.getTime() >= candidate.frequency.minMinutesBetweenShows * 60_000;
}
