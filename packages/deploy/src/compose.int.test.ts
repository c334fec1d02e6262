import { spawnSync } from 'node:child_process';
import { backendServices, portals, processName, repoRoot, services } from '@gametriggers/devstack';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const secrets = {
  SERVICE_SECRET: 's'.repeat(48),
  SIGNING_KEY_SECRET: 'k'.repeat(48),
  NEXTAUTH_SECRET: 'n'.repeat(48),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  PUSHER_SECRET: 'p'.repeat(48),
  AUDIT_CHECKPOINT_KEY: 'a'.repeat(43),
  STRIPE_WEBHOOK_SECRET: 'whsec_platform',
  STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_connect',
};

/** `docker-compose config` (Debian's docker-compose): the file as Compose resolves it, with no engine. */
function composeConfig(env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  return spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH, HOME, ...env },
  });
}

interface ComposeService {
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

describe('docker-compose.yml', () => {
  const result = composeConfig(secrets);
  const config = parse(result.stdout) as { services: Record<string, ComposeService> };

  it('is valid for Compose', () => {
    expect(result.stderr).not.toMatch(/invalid|error/i);
    expect(result.status).toBe(0);
  });

  it('runs every service, the gateway, the portals, the stand-ins, PostgreSQL and Redis, each with a health check', () => {
    const names = [...backendServices.map((entry) => entry.name), ...portals.map(processName), 'stand-ins', 'postgres', 'redis'];
    for (const name of names) {
      expect(config.services[name], name).toBeDefined();
      expect(config.services[name]?.healthcheck?.test.length, name).toBeGreaterThan(1);
    }
  });

  it('migrates every database before any service starts', () => {
    for (const entry of backendServices) {
      expect(config.services[entry.name]?.depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
    }
    for (const entry of services) {
      expect(config.services[entry.name]?.environment?.DATABASE_URL).toBe(`postgresql://postgres@postgres:5432/${entry.database}`);
    }
  });

  it('takes the secrets from the environment', () => {
    expect(config.services.identity?.environment?.SIGNING_KEY_SECRET).toBe(secrets.SIGNING_KEY_SECRET);
    expect(config.services.payment?.environment?.STRIPE_WEBHOOK_SECRET).toBe(secrets.STRIPE_WEBHOOK_SECRET);
  });

  it('refuses to start without a secret, naming it', () => {
    const { SIGNING_KEY_SECRET: _missing, ...rest } = secrets;
    const refused = composeConfig(rest);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('set SIGNING_KEY_SECRET');
  });
});
