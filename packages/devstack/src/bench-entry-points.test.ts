import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './infrastructure';

/** Every workspace package with a `bench` script (what `pnpm bench` runs). */
function packagesWithBench() {
  const found: Array<{ name: string; script: string }> = [];
  const visit = (dir: string, depth: number) => {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, scripts } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name: string;
        scripts?: Record<string, string>;
      };
      if (scripts?.bench) found.push({ name, script: scripts.bench });
      return;
    }
    if (depth === 0) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules')
        visit(path.join(dir, entry.name), depth - 1);
    }
  };
  visit(path.join(repoRoot, 'apps'), 2);
  visit(path.join(repoRoot, 'packages'), 1);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

describe('benchmark entry points', () => {
  const benches = packagesWithBench();

  it('finds the benchmarks', () => {
    expect(benches.map((bench) => bench.name)).toContain('@gametriggers/overlay-service');
  });

  // BENCH_DRY_RUN=1: each benchmark loads, runs one tiny iteration and exits, so `pnpm bench` cannot
  // stop at a script that names a missing file or no longer compiles.
  it.each(benches)(
    '$name runs its bench ($script) to the end',
    ({ name }) => {
      const run = spawnSync('pnpm', ['--filter', name, 'bench'], {
        cwd: repoRoot,
        env: { ...process.env, BENCH_DRY_RUN: '1' },
        encoding: 'utf8',
        timeout: 240_000,
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4_000)).toBe(0);
    },
    300_000,
  );
});
