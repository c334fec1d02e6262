import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { prepareDatabase } from '@gametriggers/db';
import { startMailCatcher } from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import { ensureInfrastructure, repoRoot } from './infrastructure';
import { platformEnv } from './platform-env';
import { devSecrets } from './secrets';
import type { DevSecrets } from './secrets';
import { backendServices, demoAccounts, portals, standIns } from './services';
import type { ServiceEntry } from './services';

export interface PlatformOptions {
  /** `dev` watches sources and compiles portals on demand; `test` runs built portals. */
  mode: 'dev' | 'test';
  databaseSuffix?: string;
  secrets?: DevSecrets;
  smtpPort?: number;
  mailHttpPort?: number;
  twitchIssuer?: string;
  quiet?: boolean;
}

const colours = [36, 35, 33, 32, 34, 31];

function commandFor(entry: ServiceEntry, mode: PlatformOptions['mode']): string[] {
  const isPortal = portals.includes(entry);
  if (isPortal)
    return mode === 'dev'
      ? ['pnpm', 'exec', 'next', 'dev', '--port', String(entry.port)]
      : ['pnpm', 'exec', 'next', 'start', '--port', String(entry.port)];
  return mode === 'dev'
    ? ['pnpm', 'exec', 'tsx', 'watch', 'src/main.ts']
    : [process.execPath, '--import', 'tsx', 'src/main.ts'];
}

async function waitUntilAnswering(
  url: string,
  what: string,
  timeoutMs: number,
  exited: () => boolean,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`${what} exited before it was ready`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what} did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

async function seedDemoAccounts(serviceSecret: string) {
  const token = await signServiceToken(serviceSecret, 'devstack');
  for (const account of demoAccounts) {
    const response = await fetch('http://127.0.0.1:4101/trpc/identity.seedDemoUser', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-service-token': token },
      body: JSON.stringify({ json: account }),
    });
    if (!response.ok)
      throw new Error(
        `Seeding ${account.email} failed: HTTP ${response.status} ${await response.text()}`,
      );
  }
}

/** Starts stand-ins, databases, services, gateway and portals; resolves once all answer. */
export async function startPlatform(options: PlatformOptions) {
  const infrastructure = await ensureInfrastructure();
  const secrets = options.secrets ?? devSecrets();
  const mail = await startMailCatcher({
    smtpPort: options.smtpPort ?? standIns.smtp,
    httpPort: options.mailHttpPort ?? standIns.mailHttp,
  });
  const env = platformEnv({
    databaseServerUrl: infrastructure.databaseServerUrl,
    redisUrl: infrastructure.redisUrl,
    secrets,
    databaseSuffix: options.databaseSuffix,
    smtpUrl: mail.smtpUrl,
    twitchIssuer: options.twitchIssuer,
  });

  for (const service of backendServices) {
    const url = env[service.name]?.DATABASE_URL;
    if (!service.database || !url) continue;
    await prepareDatabase(url, path.join(repoRoot, 'apps', service.dir, 'prisma', 'migrations'));
  }

  const children: Array<{ name: string; child: ChildProcess }> = [];
  const launch = (entry: ServiceEntry, index: number) => {
    const cwd = path.join(repoRoot, 'apps', entry.dir);
    if (!existsSync(cwd)) return undefined;
    const [command = 'pnpm', ...args] = commandFor(entry, options.mode);
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        ...env[entry.name],
        NODE_ENV: options.mode === 'dev' ? 'development' : 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const label = `\u001b[${colours[index % colours.length]}m${entry.name.padEnd(9)}\u001b[0m│ `;
    const print = (chunk: Buffer) => {
      if (options.quiet) return;
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) process.stdout.write(`${label}${line}\n`);
    };
    child.stdout?.on('data', print);
    child.stderr?.on('data', print);
    children.push({ name: entry.name, child });
    return child;
  };

  async function stop() {
    for (const { child } of children) {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    }
    const deadline = Date.now() + 10_000;
    while (
      children.some(({ child }) => child.exitCode === null && child.signalCode === null) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const { child } of children) {
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    await mail.close();
  }

  try {
    const entries = [...backendServices, ...portals];
    entries.forEach((entry, index) => launch(entry, index));
    const readyUrl = (entry: ServiceEntry) =>
      portals.includes(entry)
        ? `http://localhost:${entry.port}/api/auth/providers`
        : `http://127.0.0.1:${entry.port}/${entry.name === 'gateway' ? 'healthz' : 'readyz'}`;
    await Promise.all(
      children.map(({ name, child }) => {
        const entry = entries.find((candidate) => candidate.name === name);
        if (!entry) return Promise.resolve();
        const timeoutMs = options.mode === 'dev' && portals.includes(entry) ? 180_000 : 60_000;
        return waitUntilAnswering(readyUrl(entry), name, timeoutMs, () => child.exitCode !== null);
      }),
    );
    await seedDemoAccounts(secrets.SERVICE_SECRET);
  } catch (error) {
    await stop();
    throw error;
  }
  return { env, mail, secrets, stop };
}
export type RunningPlatform = Awaited<ReturnType<typeof startPlatform>>;
