/** `pnpm test`: typecheck, lint, unit and integration tests, then the browser tests. Fails fast. */
import { spawnSync } from 'node:child_process';
import { dateSensitiveSuites, faketimeEnv, findLibfaketime, hostileInstants } from './hostile-clocks';
import { ensureInfrastructure, repoRoot } from './infrastructure';

const startedAt = Date.now();
const passed: string[] = [];

function finish(ok: boolean, failedStep?: string): never {
  const minutes = ((Date.now() - startedAt) / 60_000).toFixed(1);
  if (ok) console.warn(`\n✔ pnpm test passed: ${passed.join(', ')} (${minutes} min)`);
  else console.error(`\n✖ pnpm test FAILED at "${failedStep}" after ${minutes} min${passed.length ? ` (passed before it: ${passed.join(', ')})` : ''}`);
  process.exit(ok ? 0 : 1);
}

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  console.warn(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed after ${seconds} s (exit ${result.status ?? result.signal})`);
    finish(false, label);
  }
  console.warn(`✔ ${label} (${seconds} s)`);
  passed.push(label);
}

let infrastructure;
try {
  infrastructure = await ensureInfrastructure();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  finish(false, 'PostgreSQL and Redis');
}
const env = {
  ...process.env,
  TEST_DATABASE_URL: infrastructure.databaseServerUrl,
  TEST_REDIS_URL: infrastructure.redisUrl,
  FORCE_COLOR: process.env.CI ? '0' : '1',
};
// Static checks run in parallel; tests one package at a time (integration tests share PostgreSQL and
// Redis). The browser tests are their own step below, so turbo leaves the e2e package out.
const turbo = (tasks: string[], concurrency: number) => [
  'turbo', 'run', ...tasks, '--filter=!@gametriggers/e2e', '--output-logs=errors-only', `--concurrency=${concurrency}`,
];
run('typecheck and lint', 'pnpm', turbo(['typecheck', 'lint'], 2), env);
run('unit and integration tests', 'pnpm', turbo(['test'], 1), env);
// The date-sensitive suites again, with the process clock at hours and days that have broken tests.
const libfaketime = findLibfaketime();
if (!libfaketime) {
  console.error('\n✖ libfaketime is missing: install Debian\'s faketime (apt-get install faketime).');
  finish(false, 'tests at hostile hours');
}
for (const [index, instant] of hostileInstants.entries()) {
  for (const suite of dateSensitiveSuites) {
    const files = index === 0 ? suite.files : (suite.onDstMornings ?? suite.files);
    run(
      `${suite.package} at ${instant.label}`,
      'pnpm',
      ['--filter', suite.package, 'exec', 'vitest', 'run', ...files],
      { ...env, ...faketimeEnv(libfaketime, instant) },
    );
  }
}
run('browser tests', 'pnpm', ['--filter', '@gametriggers/e2e', 'test'], env);
finish(true);
