/** `pnpm test`: typecheck, lint, unit and integration tests, then the browser tests. */
import { spawnSync } from 'node:child_process';
import { ensureInfrastructure, repoRoot } from './infrastructure';

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  console.warn(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.warn(`✔ ${label} (${seconds} s)`);
}

const infrastructure = await ensureInfrastructure();
const env = {
  ...process.env,
  TEST_DATABASE_URL: infrastructure.databaseServerUrl,
  TEST_REDIS_URL: infrastructure.redisUrl,
  FORCE_COLOR: process.env.CI ? '0' : '1',
};
run(
  'typecheck and lint',
  'pnpm',
  ['turbo', 'run', 'typecheck', 'lint', '--output-logs=errors-only'],
  env,
);
run('unit and integration tests', 'pnpm', ['turbo', 'run', 'test', '--concurrency=1'], env);
run('browser tests', 'pnpm', ['--filter', '@gametriggers/e2e', 'test'], env);
console.warn('\nAll checks passed.');
