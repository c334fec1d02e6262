import { inAnyBlackout } from './blackouts';
import { showsWithinLastHour, withinCampaignFrequency } from './campaign-frequency';
import type { AdCandidate, PastShow, Selection, SelectionInput } from './selection-types';
import { fairRotation, performance, revenueOptimised, timeRotation, weighted } from './strategies';

/** The ad the overlay keeps on rotation: the latest show's, and since when it has run in a row. */
function currentStreak(history: readonly PastShow[]): { participationId: string; since: Date } | null {
  const sorted = [...history].sort((a, b) => b.shownAt.getTime() - a.shownAt.getTime());
  const latest = sorted[0];
  if (!latest) return null;
  let since = latest.shownAt;
  for (const show of sorted) {
    if (show.participationId !== latest.participationId) break;
    since = show.shownAt;
  }
  return { participationId: latest.participationId, since };
}

/**
 * Which ad to show now, or why none: offline, paused, in a blackout, the overlay's hourly cap reached,
 * nothing live, or every live campaign held back by its own frequency. Within the rotation interval
 * the current ad stays on rotation (when it may still show); then the strategy picks.
 */
export function selectAd(input: SelectionInput): Selection {
  const { now, settings, candidates, history } = input;
  if (!input.live) return { kind: 'none', reason: 'offline' };
  if (settings.paused) return { kind: 'none', reason: 'paused' };
  if (inAnyBlackout(settings.blackouts, now, settings.timeZone)) return { kind: 'none', reason: 'blackout' };
  if (showsWithinLastHour(history, now).length >= settings.maxAdsPerHour) {
    return { kind: 'none', reason: 'overlay_hourly_cap' };
  }
  if (candidates.length === 0) return { kind: 'none', reason: 'no_live_participation' };
  const eligible = candidates.filter((candidate) => withinCampaignFrequency(candidate, history, now));
  if (eligible.length === 0) return { kind: 'none', reason: 'campaign_frequency' };

  const streak = currentStreak(history);
  const onRotation = streak && eligible.find((c) => c.participationId === streak.participationId);
  const intervalRunning = streak && now.getTime() - streak.since.getTime() < settings.rotationIntervalSeconds * 1000;
  if (settings.rotationStrategy !== 'time' && onRotation && intervalRunning) {
    return { kind: 'show', candidate: onRotation };
  }
  return { kind: 'show', candidate: strategyPick(input)(eligible) };
}

function strategyPick(input: SelectionInput): (eligible: readonly AdCandidate[]) => AdCandidate {
  const { settings, history, now, viewers, random } = input;
  const fair = fairRotation(history);
  switch (settings.rotationStrategy) {
    case 'fair':
      return fair;
    case 'time':
      return timeRotation(input.candidates, now, settings.rotationIntervalSeconds);
    case 'weighted':
      return weighted(settings.weights, history, now, viewers, fair);
    case 'performance':
      return performance(random, fair);
    case 'revenue':
      return revenueOptimised(viewers, fair);
  }
}
