import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RULE_FILES, dashboardExpressions, localPrometheusConfig } from '@gametriggers/deploy';
import { backendServices, repoRoot } from '@gametriggers/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

/** A port nothing listens on now (Prometheus takes an address, not port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let prometheus: ChildProcess;
let dataDir: string;
let api: string;

interface QueryAnswer {
  status: string;
  error?: string;
  data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
}

async function query(expr: string): Promise<QueryAnswer> {
  const response = await fetch(`${api}/api/v1/query?query=${encodeURIComponent(expr)}`);
  return (await response.json()) as QueryAnswer;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'prometheus-'));
  const config = path.join(dataDir, 'prometheus.yml');
  // The generated local configuration, scraping every second, with the repository's rule files.
  const local = localPrometheusConfig('1s');
  writeFileSync(config, stringify({ ...local, rule_files: RULE_FILES.map((file) => path.join(repoRoot, 'deploy/prometheus', file)) }));
  const port = await freePort();
  api = `http://127.0.0.1:${port}`;
  prometheus = spawn('prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dataDir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], {
    stdio: 'ignore',
  });
});

afterAll(() => {
  prometheus.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a real Prometheus scraping the running platform', () => {
  it('finds every service and the gateway up', async () => {
    await expect
      .poll(async () => {
        const up = await query('up{job="gametriggers"} == 1').catch(() => undefined);
        return up?.data.result.map((series) => series.metric.service).sort();
      }, { timeout: 60_000, interval: 1_000 })
      .toEqual(backendServices.map((entry) => entry.name).sort());
  });

  it('answers a query for a metric of every service', async () => {
    const answer = await query('count by (service) (process_resident_memory_bytes{job="gametriggers"})');
    expect(answer.status).toBe('success');
    expect(answer.data.result.map((series) => series.metric.service).sort()).toEqual(backendServices.map((entry) => entry.name).sort());
  });

  it('loads the alert rules and evaluates every one without an error', async () => {
    const response = await fetch(`${api}/api/v1/rules`);
    const rules = (await response.json()) as { data: { groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }> } };
    const all = rules.data.groups.flatMap((group) => group.rules);
    expect(all.length).toBe(17);
    await expect.poll(() => fetch(`${api}/api/v1/rules`).then(async (again) => {
      const body = (await again.json()) as typeof rules;
      return body.data.groups.flatMap((group) => group.rules).filter((rule) => rule.health !== 'ok').map((rule) => `${rule.name}: ${rule.lastError ?? rule.health}`);
    }), { timeout: 60_000, interval: 1_000 }).toEqual([]);
  });

  it('runs every dashboard query without an error', async () => {
    for (const { dashboard, panel, expr } of dashboardExpressions()) {
      // `$service` is the service dashboard's variable: any service stands for it.
      const answer = await query(expr.replaceAll('$service', 'campaign'));
      expect({ dashboard, panel, status: answer.status, error: answer.error }).toEqual({ dashboard, panel, status: 'success', error: undefined });
    }
  });
});
