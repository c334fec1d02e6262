/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Import throughput: a generated export of 100,000 users (10,000 brands, 90,000 streamers), 20,000
 * campaigns and 200,000 participations (plus a wallet, a G-Key and a notification per user and KYC
 * for half the streamers), read, mapped and checked end to end as a dry run: documents per second
 * and the process's peak memory, against the targets (under 10 minutes, under 512 MB).
 *   pnpm --filter @gametriggers/legacy-importer bench
 *   BENCH_DRY_RUN=1: a tiny export, to check the benchmark loads and runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dryRunTarget } from '../src/dry-run-target';
import { writeLegacyExport } from '../src/fixtures/legacy-export-fixture';
import { runLegacyImport } from '../src/run-import';

const dryRun = process.env.BENCH_DRY_RUN === '1';
const size = dryRun
  ? { brands: 5, streamers: 20, campaigns: 10, participations: 40 }
  : { brands: 10_000, streamers: 90_000, campaigns: 20_000, participations: 200_000 };
const TARGET_SECONDS = 600;
const TARGET_MB = 512;

const dir = mkdtempSync(path.join(tmpdir(), 'legacy-import-bench-'));
try {
  const generated = performance.now();
  await writeLegacyExport(dir, size, { messy: true });
  console.log(
    `export generated in ${((performance.now() - generated) / 1000).toFixed(1)} s (${dir})`,
  );

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const report = await runLegacyImport({
    exportDir: dir,
    target: dryRunTarget(),
    dryRun: true,
    changedAfter: null,
    now: new Date(),
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const documents = [...report.steps]
    .filter(
      ([step]) =>
        !['streamerProfiles', 'brandProfiles', 'overlays', 'progression', 'energy'].includes(step),
    )
    .reduce((sum, [, tally]) => sum + tally.read, 0);
  const peakMb = peakRss / 1024 / 1024;
  console.log(report.summary());
  console.log('');
  console.log(`documents read and mapped: ${documents.toLocaleString('en')}`);
  console.log(
    `time: ${seconds.toFixed(1)} s (target < ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? 'met' : 'NOT met'})`,
  );
  console.log(`throughput: ${Math.round(documents / seconds).toLocaleString('en')} documents/s`);
  console.log(
    `peak RSS (generation included): ${peakMb.toFixed(0)} MB (target < ${TARGET_MB} MB: ${peakMb < TARGET_MB ? 'met' : 'NOT met'})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
