/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Ad selection: how long `selectAd` takes to choose among 10, 100 and 1,000 live campaigns under
 * each rotation strategy, with an hour of show history, next to a baseline in the same run (one
 * pass over the candidates picking the highest rate: the least any selection can do).
 *   pnpm --filter @gametriggers/overlay-service bench  [SELECTIONS=500]
 *   BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs.
 */
import type { RotationStrategy } from '@gametriggers/contracts';
import { selectAd } from '../src/domain/selection/select-ad';
import type {
  AdCandidate,
  PastShow,
  SelectionInput,
} from '../src/domain/selection/selection-types';

const dryRun = process.env.BENCH_DRY_RUN === '1';
const SELECTIONS = Number(process.env.SELECTIONS ?? (dryRun ? 1 : 500));
const SIZES = dryRun ? [10] : [10, 100, 1_000];
const strategies: RotationStrategy[] = ['fair', 'time', 'weighted', 'performance', 'revenue'];
const now = new Date('2026-01-14T19:00:00Z');

/** A deterministic generator, so every run measures the same inputs. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function candidatesOf(count: number, random: () => number): AdCandidate[] {
  return Array.from({ length: count }, (_, index) => ({
    participationId: `p-${String(index).padStart(5, '0')}`,
    campaignId: `c-${index}`,
    pricing:
      index % 3 === 0
        ? { model: 'cpc', rateCents: 20 + Math.floor(random() * 100) }
        : { model: 'cpm', rateCents: 200 + Math.floor(random() * 2_000) },
    frequency: { adDurationSeconds: 15, minMinutesBetweenShows: 5, maxShowsPerHour: 6 },
    ctr: random() < 0.2 ? null : random() * 0.05,
  }));
}

/** An hour of shows: one every 90 seconds, across the candidates. */
function historyOf(candidates: readonly AdCandidate[], random: () => number): PastShow[] {
  return Array.from({ length: 40 }, (_, index) => {
    const shownOne = candidates[Math.floor(random() * candidates.length)]!;
    return {
      participationId: shownOne.participationId,
      campaignId: shownOne.campaignId,
      shownAt: new Date(now.getTime() - (index + 1) * 90_000),
    };
  });
}

function inputFor(
  strategy: RotationStrategy,
  candidates: AdCandidate[],
  history: PastShow[],
): SelectionInput {
  return {
    now,
    live: true,
    settings: {
      paused: false,
      rotationStrategy: strategy,
      rotationIntervalSeconds: 60,
      weights: { rate: 1, ctr: 1, fairness: 1 },
      maxAdsPerHour: 60,
      timeZone: 'America/New_York',
      blackouts: [{ kind: 'weekly', weekdays: ['sun', 'mon'], from: '02:00', to: '06:00' }],
    },
    candidates,
    history,
    viewers: 1_200,
    random: seededRandom(7),
  };
}

function highestRate(candidates: readonly AdCandidate[]) {
  let best = candidates[0]!;
  for (const candidate of candidates)
    if (candidate.pricing.rateCents > best.pricing.rateCents) best = candidate;
  return best;
}

/** Microseconds per call: median and p99 over `SELECTIONS` calls, after a warm-up. */
function timed(work: () => unknown) {
  for (let i = 0; i < Math.min(SELECTIONS, 200); i += 1) work();
  const samples: number[] = [];
  for (let i = 0; i < SELECTIONS; i += 1) {
    const started = performance.now();
    work();
    samples.push((performance.now() - started) * 1_000);
  }
  samples.sort((a, b) => a - b);
  const at = (fraction: number) =>
    samples[Math.min(samples.length - 1, Math.floor(samples.length * fraction))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

const rows: string[][] = [['candidates', 'path', 'p50 µs', 'p99 µs', '× baseline (p50)']];
for (const size of SIZES) {
  const random = seededRandom(size);
  const candidates = candidatesOf(size, random);
  const history = historyOf(candidates, random);
  const baseline = timed(() => highestRate(candidates));
  rows.push([
    String(size),
    'baseline: one pass, highest rate',
    baseline.p50.toFixed(2),
    baseline.p99.toFixed(2),
    '1.0',
  ]);
  for (const strategy of strategies) {
    const input = inputFor(strategy, candidates, history);
    const selected = selectAd(input);
    if (selected.kind !== 'show')
      throw new Error(`${strategy} at ${size} chose no ad: ${selected.reason}`);
    const figures = timed(() => selectAd(input));
    rows.push([
      String(size),
      `selectAd, ${strategy}`,
      figures.p50.toFixed(2),
      figures.p99.toFixed(2),
      (figures.p50 / Math.max(baseline.p50, 0.01)).toFixed(1),
    ]);
  }
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
console.log(`\nAd selection (${SELECTIONS} selections per row${dryRun ? ', dry run' : ''})\n`);
for (const row of rows)
  console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
