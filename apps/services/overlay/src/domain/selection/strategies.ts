import type { RotationWeights } from '@gametriggers/contracts';
import { lastShownAt } from './campaign-frequency';
import type { AdCandidate, PastShow } from './selection-types';

/** How often the performance strategy tries an ad other than the best one. */
export const EXPLORATION_RATE = 0.1;

type Pick = (eligible: readonly AdCandidate[]) => AdCandidate;

function byParticipationId(a: AdCandidate, b: AdCandidate) {
  return a.participationId < b.participationId ? -1 : a.participationId > b.participationId ? 1 : 0;
}

/** Least recently shown first; never shown before anything shown; ties in a stable order. */
export function fairRotation(history: readonly PastShow[]): Pick {
  return (eligible) =>
    [...eligible].sort((a, b) => {
      const lastA = lastShownAt(history, a.participationId)?.getTime() ?? -Infinity;
      const lastB = lastShownAt(history, b.participationId)?.getTime() ?? -Infinity;
      return lastA - lastB || byParticipationId(a, b);
    })[0] as AdCandidate;
}

/**
 * A fixed order, one ad per interval: the slot of the clock decides whose turn it is; an ad that may
 * not show now passes its turn to the next in order.
 */
export function timeRotation(all: readonly AdCandidate[], now: Date, intervalSeconds: number): Pick {
  return (eligible) => {
    const order = [...all].sort(byParticipationId);
    const slot = Math.floor(now.getTime() / (intervalSeconds * 1000));
    for (let offset = 0; offset < order.length; offset += 1) {
      const turn = order[(slot + offset) % order.length];
      const allowed = eligible.find((candidate) => candidate.participationId === turn?.participationId);
      if (allowed) return allowed;
    }
    return eligible[0] as AdCandidate;
  };
}

/** Cents the streamer expects to earn from showing the ad once to `viewers`. */
export function expectedEarningsCents(candidate: AdCandidate, viewers: number, fallbackCtr: number): number {
  const { model, rateCents } = candidate.pricing;
  if (model === 'cpm') return (rateCents * viewers) / 1000;
  if (model === 'cpc') return rateCents * (candidate.ctr ?? fallbackCtr) * viewers;
  // A fixed fee is paid for taking part, not per show.
  return 0;
}

function meanKnownCtr(candidates: readonly AdCandidate[]): number {
  const known = candidates.map((c) => c.ctr).filter((ctr): ctr is number => ctr !== null);
  return known.length ? known.reduce((sum, ctr) => sum + ctr, 0) / known.length : 0;
}

function highest(eligible: readonly AdCandidate[], score: (candidate: AdCandidate) => number, tieBreak: Pick): AdCandidate {
  const scores = eligible.map(score);
  const best = Math.max(...scores);
  const leaders = eligible.filter((_, index) => (scores[index] ?? 0) >= best - 1e-12);
  return leaders.length === 1 ? (leaders[0] as AdCandidate) : tieBreak(leaders);
}

/** The highest expected earnings (CPM rate × viewers / 1000, CPC rate × CTR × viewers). */
export function revenueOptimised(viewers: number, fair: Pick): Pick {
  return (eligible) => {
    const prior = meanKnownCtr(eligible);
    return highest(eligible, (candidate) => expectedEarningsCents(candidate, viewers, prior), fair);
  };
}

/** The best click-through rate, except that now and then (EXPLORATION_RATE) any ad gets a turn. */
export function performance(random: () => number, fair: Pick): Pick {
  return (eligible) => {
    if (eligible.length > 1 && random() < EXPLORATION_RATE) {
      return eligible[Math.min(eligible.length - 1, Math.floor(random() * eligible.length))] as AdCandidate;
    }
    const prior = meanKnownCtr(eligible);
    return highest(eligible, (candidate) => candidate.ctr ?? prior, fair);
  };
}

/**
 * The streamer's mix: each ad's earnings, CTR and time since it last showed, each scaled to the best
 * among the ads (0–1), weighted and summed.
 */
export function weighted(weights: RotationWeights, history: readonly PastShow[], now: Date, viewers: number, fair: Pick): Pick {
  return (eligible) => {
    const prior = meanKnownCtr(eligible);
    const earnings = eligible.map((c) => expectedEarningsCents(c, viewers, prior));
    const ctrs = eligible.map((c) => c.ctr ?? prior);
    const oldest = now.getTime() - Math.min(...eligible.map((c) => lastShownAt(history, c.participationId)?.getTime() ?? 0));
    const waits = eligible.map((c) => now.getTime() - (lastShownAt(history, c.participationId)?.getTime() ?? 0));
    const scaled = (values: number[], index: number) => {
      const max = Math.max(...values);
      return max > 0 ? (values[index] ?? 0) / max : 0;
    };
    return highest(
      eligible,
      (candidate) => {
        const index = eligible.indexOf(candidate);
        return (
          weights.rate * scaled(earnings, index) +
          weights.ctr * scaled(ctrs, index) +
          weights.fairness * (oldest > 0 ? (waits[index] ?? 0) / oldest : 0)
        );
      },
      fair,
    );
  };
}
