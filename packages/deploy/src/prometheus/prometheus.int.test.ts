import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@gametriggers/devstack';
import { describe, expect, it } from 'vitest';

const prometheusDir = path.join(repoRoot, 'deploy/prometheus');

/** Debian's `promtool` (package `prometheus`). */
const promtool = (...args: string[]) => spawnSync('promtool', args, { cwd: prometheusDir, encoding: 'utf8' });

describe('Prometheus configuration', () => {
  it.each(['prometheus.yml', 'prometheus.local.yml'])('%s is valid, with its rule files', (file) => {
    const checked = promtool('check', 'config', file);
    expect(checked.stdout + checked.stderr).toContain('SUCCESS: 17 rules found');
    expect(checked.status).toBe(0);
  });

  it('the alert rules fire on their trouble and stay quiet otherwise (promtool test rules)', () => {
    const tested = promtool('test', 'rules', 'rules/gametriggers.rules.test.yml');
    expect(tested.stdout + tested.stderr).toContain('SUCCESS');
    expect(tested.status).toBe(0);
  });

  it('a broken rule is caught (the check is not a formality)', () => {
    const broken = execFileSync('sh', ['-c', `sed 's/service:trpc_calls:rate5m > 0.1/service:trpc_calls:rate5m >/' rules/gametriggers.rules.yml > /tmp/broken.rules.yml && promtool check rules /tmp/broken.rules.yml || true`], {
      cwd: prometheusDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(broken).not.toContain('SUCCESS');
  });
});
