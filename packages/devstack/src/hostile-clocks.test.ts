import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  dateSensitiveSuites,
  faketimeEnv,
  findLibfaketime,
  hostileInstants,
} from './hostile-clocks';
import { repoRoot } from './infrastructure';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const library = findLibfaketime();

describe('the hostile-clock step', () => {
  it('has libfaketime to run with (apt-get install faketime)', () => {
    expect(library).toBeDefined();
  });

  it.each(hostileInstants)('moves a child’s Date.now to $label, and lets it run on', (instant) => {
    const child = spawnSync(
      process.execPath,
      ['-e', 'const a = Date.now(); setTimeout(() => console.log(`${a} ${Date.now()}`), 300)'],
      { env: { ...process.env, ...faketimeEnv(library!, instant) }, encoding: 'utf8' },
    );
    expect(child.status).toBe(0);
    const [first, later] = child.stdout.trim().split(' ').map(Number) as [number, number];
    const target = new Date(`${instant.utc.replace(' ', 'T')}Z`).getTime();
    expect(Math.abs(first - target)).toBeLessThan(5_000);
    expect(later - first).toBeGreaterThanOrEqual(250);
  });

  it('names only packages and test files that exist', () => {
    const packages = new Map<string, string>();
    for (const dir of ['apps', 'apps/services', 'packages']) {
      for (const name of readdirNames(path.join(repoRoot, dir))) {
        const manifest = path.join(repoRoot, dir, name, 'package.json');
        if (existsSync(manifest)) {
          const { name: packageName } = JSON.parse(readFileSync(manifest, 'utf8')) as {
            name: string;
          };
          packages.set(packageName, path.join(repoRoot, dir, name));
        }
      }
    }
    for (const suite of dateSensitiveSuites) {
      const dir = packages.get(suite.package);
      expect(dir, suite.package).toBeDefined();
      for (const file of suite.files)
        expect(existsSync(path.join(dir!, file)), `${suite.package} ${file}`).toBe(true);
    }
  });
});

function readdirNames(dir: string) {
  return existsSync(dir) ? readdirSync(dir) : [];
}
