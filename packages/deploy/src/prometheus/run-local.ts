/**
 * `pnpm dev:prometheus`: Debian's Prometheus scraping the services and the gateway of a running
 * `pnpm dev`, with the platform's alert rules, at http://127.0.0.1:9090 (data in .dev/prometheus).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@gametriggers/devstack';

const config = path.join(repoRoot, 'deploy/prometheus/prometheus.local.yml');
const prometheus = spawn(
  process.env.PROMETHEUS_PATH ?? 'prometheus',
  [
    `--config.file=${config}`,
    `--storage.tsdb.path=${path.join(repoRoot, '.dev/prometheus')}`,
    '--web.listen-address=127.0.0.1:9090',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
prometheus.on('error', (error) => {
  console.error(`Could not start Prometheus (${error.message}): install Debian's prometheus package (apt-get install prometheus).`);
  process.exit(1);
});
prometheus.on('spawn', () => console.warn('Prometheus at http://127.0.0.1:9090 (alerts: /alerts, targets: /targets). Ctrl-C stops it.'));
prometheus.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => prometheus.kill(signal));
