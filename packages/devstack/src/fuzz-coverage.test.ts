import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './infrastructure';

const servicesDir = path.join(repoRoot, 'apps/services');

it('fuzzes every service that serves a router, over all its procedures', () => {
  const withRouters = readdirSync(servicesDir).filter((name) =>
    existsSync(path.join(servicesDir, name, 'src/router.ts')),
  );
  expect(withRouters.length).toBeGreaterThanOrEqual(7);
  for (const name of withRouters) {
    const fuzzTest = path.join(servicesDir, name, `src/${name}.fuzz.int.test.ts`);
    expect(existsSync(fuzzTest), `${name} has no src/${name}.fuzz.int.test.ts`).toBe(true);
    expect(
      readFileSync(fuzzTest, 'utf8'),
      `${name}'s fuzz test does not call itFuzzesEveryProcedure`,
    ).toMatch(/itFuzzesEveryProcedure\(/);
  }
});
