import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
const dataDir = path.join(repoRoot, '.dev');

export function answers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host: string, port: number, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(host, port)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(
    `${what} did not start answering on ${host}:${port} within ${timeoutMs / 1000} s`,
  );
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function dockerEngineRuns(): boolean {
  return (
    commandExists('docker') &&
    spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 5_000 }).status === 0
  );
}

function findPostgresBinary(name: string): string | undefined {
  if (commandExists(name)) return name;
  const versions = existsSync('/usr/lib/postgresql')
    ? execFileSync('ls', ['/usr/lib/postgresql']).toString().split(/\s+/)
    : [];
  const found = versions
    .filter(Boolean)
    .map((version) => `/usr/lib/postgresql/${version}/bin/${name}`)
    .find((candidate) => existsSync(candidate));
  return found;
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user instead. */
function asPostgresUser(binary: string, args: string[]): [string, string[]] {
  const root = process.getuid?.() === 0;
  return root && commandExists('runuser') ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

function startLocalPostgres(port: number) {
  const initdb = findPostgresBinary('initdb');
  const pgCtl = findPostgresBinary('pg_ctl');
  if (!initdb || !pgCtl) return false;
  const cluster = path.join(dataDir, 'postgres');
  mkdirSync(cluster, { recursive: true });
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres', cluster]);
  if (!existsSync(path.join(cluster, 'PG_VERSION'))) {
    console.warn(`Creating a PostgreSQL cluster in ${cluster}…`);
    execFileSync(...asPostgresUser(initdb, ['-D', cluster, '-U', 'postgres', '--auth=trust']), { stdio: 'inherit' });
  }
  console.warn(`Starting PostgreSQL from ${cluster} on port ${port}…`);
  execFileSync(
    ...asPostgresUser(pgCtl, ['-D', cluster, '-l', path.join(cluster, 'server.log'), '-o', `-p ${port} -k /tmp`, '-w', 'start']),
    { stdio: 'inherit' },
  );
  return true;
}

function startLocalRedis(port: number) {
  if (!commandExists('redis-server')) return false;
  mkdirSync(dataDir, { recursive: true });
  console.warn(`Starting Redis on port ${port} (data in ${dataDir})…`);
  execFileSync(
    'redis-server',
    ['--daemonize', 'yes', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dataDir],
    {
      stdio: 'inherit',
    },
  );
  return true;
}

export interface Infrastructure {
  databaseServerUrl: string;
  redisUrl: string;
}

/**
 * PostgreSQL and Redis, in this order of preference: DATABASE_URL / REDIS_URL; servers already on
 * 127.0.0.1:5432 / :6379; docker compose when a Docker engine runs; local binaries with data in .dev/.
 */
export async function ensureInfrastructure(): Promise<Infrastructure> {
  const databaseServerUrl =
    process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const pg = new URL(databaseServerUrl);
  const redis = new URL(redisUrl);
  const pgHost = pg.hostname;
  const pgPort = Number(pg.port || 5432);
  const redisHost = redis.hostname;
  const redisPort = Number(redis.port || 6379);

  const pgUp = await answers(pgHost, pgPort);
  const redisUp = await answers(redisHost, redisPort);
  if (pgUp && redisUp) return { databaseServerUrl, redisUrl };

  if (dockerEngineRuns()) {
    console.warn('Starting PostgreSQL and Redis with docker compose…');
    execFileSync('docker', ['compose', 'up', '-d', 'postgres', 'redis'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
  } else {
    const local = (host: string) => ['127.0.0.1', 'localhost', '::1'].includes(host);
    const missing: string[] = [];
    if (!pgUp && !local(pgHost)) throw new Error(`PostgreSQL at ${pgHost}:${pgPort} (DATABASE_URL) does not answer.`);
    if (!redisUp && !local(redisHost)) throw new Error(`Redis at ${redisHost}:${redisPort} (REDIS_URL) does not answer.`);
    if (!pgUp && !startLocalPostgres(pgPort))
      missing.push('PostgreSQL 15+ (Debian: apt-get install postgresql)');
    if (!redisUp && !startLocalRedis(redisPort))
      missing.push('Redis 7 (Debian: apt-get install redis-server)');
    if (missing.length) {
      throw new Error(
        `Gametriggers needs PostgreSQL and Redis. Nothing answers on ${pgHost}:${pgPort} / ${redisHost}:${redisPort}, no Docker engine runs, and these are not installed:\n  - ${missing.join('\n  - ')}\nInstall them, start Docker, or set DATABASE_URL and REDIS_URL.`,
      );
    }
  }
  await waitFor(pgHost, pgPort, 'PostgreSQL');
  await waitFor(redisHost, redisPort, 'Redis');
  return { databaseServerUrl, redisUrl };
}
