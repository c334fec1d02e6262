import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareDatabase } from '@gametriggers/db';
import { startMailCatcher, startOidcProvider, startTwitchApiStandIn, startYoutubeApiStandIn } from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import { startPusherStandIn } from '@gametriggers/realtime/stand-in';
import { ensureInfrastructure, repoRoot } from './infrastructure';
import { startLocalPayments } from './local-stripe';
import { startLocalUploadThing } from '@gametriggers/uploadthing-local';
import { OIDC_CLIENT, PUSHER_APP, TWITCH_API_CLIENT, YOUTUBE_API_CLIENT, oidcRedirectUris, platformEnv, serviceDatabaseUrl } from './platform-env';
import { devSecrets } from './secrets';
import type { DevSecrets } from './secrets';
import { demoTwitchChannels, seedMarketplace } from './demo-marketplace';
import type { MarketplaceSeedSummary } from './demo-marketplace';
import { backendServices, demoAccounts, gateway, portals, processName, services, standIns } from './services';
import type { ServiceEntry } from './services';

export interface PlatformOptions {
  /** `dev` runs each package's `dev` script (watch, compile on demand); `test` runs built portals. */
  mode: 'dev' | 'test';
  databaseSuffix?: string;
  secrets?: DevSecrets;
  /** 0 picks a free port (tests); defaults are the fixed development ports. */
  smtpPort?: number;
  mailHttpPort?: number;
  twitchOidcPort?: number;
  googleOidcPort?: number;
  twitchApiPort?: number;
  youtubeApiPort?: number;
  pusherPort?: number;
  stripePort?: number;
  uploadThingPort?: number;
  /**
   * Start the portals too (default true); without them the backend alone runs, for API work. A list
   * of portal names (`['brand', 'streamer']`) starts only those.
   */
  portals?: boolean | string[];
  /** Do not echo the children's output. */
  quiet?: boolean;
  /**
   * Once everything answers: `true` (default) seeds the demo accounts and the demo marketplace
   * (brands, streamers, campaigns in every state, participations); `accounts` only the three demo
   * accounts; `false` nothing.
   */
  seed?: boolean | 'accounts';
  /**
   * Identity's access-token lifetime in seconds (default 15 minutes). The browser tests set a few
   * seconds, so every spec runs across several refreshes of its session.
   */
  accessTokenTtlSeconds?: number;
  /**
   * The payment service on a test clock moved with the local Stripe's (`POST /_test/clock/advance`
   * on the payment service): the browser tests pass the earnings hold by moving time.
   */
  paymentTestClock?: boolean;
}

/** Every stand-in on a free port, so a platform run beside `pnpm dev` (tests, benchmarks) does not collide with it. */
export const freeStandInPorts = {
  smtpPort: 0,
  mailHttpPort: 0,
  twitchOidcPort: 0,
  googleOidcPort: 0,
  twitchApiPort: 0,
  youtubeApiPort: 0,
  pusherPort: 0,
  stripePort: 0,
  uploadThingPort: 0,
} satisfies Partial<PlatformOptions>;

/** Stop functions of every platform this process started, for Ctrl-C during start-up. */
const activePlatforms = new Set<() => Promise<void>>();

/** Stops every platform started in this process (children and stand-ins). */
export async function stopAllPlatforms(): Promise<void> {
  await Promise.all([...activePlatforms].map((stop) => stop()));
}

const colours = [36, 35, 33, 32, 34, 31, 96, 95, 93, 92, 94];

/** Table entries whose code exists on disk (a service's entry point, a package for the rest): the others are future services. */
export function presentEntries(entries: ServiceEntry[] = [...backendServices, ...portals]): ServiceEntry[] {
  return entries.filter((entry) =>
    existsSync(path.join(repoRoot, 'apps', entry.dir, entry.kind === 'service' ? 'src/main.ts' : 'package.json')),
  );
}

function hasScript(entry: ServiceEntry, script: string): boolean {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'apps', entry.dir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return Boolean(manifest.scripts?.[script]);
}

function commandFor(entry: ServiceEntry, mode: PlatformOptions['mode']): { command: string; args: string[]; cwd: string } {
  const cwd = path.join(repoRoot, 'apps', entry.dir);
  if (mode === 'dev') return { command: 'pnpm', args: ['--filter', entry.package, 'run', 'dev'], cwd: repoRoot };
  if (entry.kind === 'portal') return { command: 'pnpm', args: ['exec', 'next', 'start', '--port', String(entry.port)], cwd };
  return { command: process.execPath, args: ['--import', 'tsx', 'src/main.ts'], cwd };
}

async function waitUntilReady(entry: ServiceEntry, timeoutMs: number, exited: () => boolean) {
  const url = `http://127.0.0.1:${entry.port}${entry.readyPath}`;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`${processName(entry)} exited before it was ready (see its output above)`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
      // Services and gateway: 200. Portals: 200, or a redirect (307 to sign-in, locale…).
      if (response.status === 200 || (entry.kind === 'portal' && response.status >= 300 && response.status < 400)) return;
      last = `HTTP ${response.status}`;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${processName(entry)} did not become ready at ${url} within ${timeoutMs / 1000} s (${last})`);
}

export interface SeedResult {
  email: string;
  outcome: 'created' | 'existed' | 'skipped';
}

/**
 * The demo accounts, through identity's internal `identity.seedDemoUser` (idempotent: an existing
 * account is left as it is). A missing procedure (404) is a warning, not a failure.
 */
export async function seedDemoAccounts(serviceSecret: string, identityUrl = 'http://127.0.0.1:4101'): Promise<SeedResult[]> {
  const token = await signServiceToken(serviceSecret, 'devstack');
  const results: SeedResult[] = [];
  for (const account of demoAccounts) {
    const response = await fetch(`${identityUrl}/trpc/identity.seedDemoUser`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-service-token': token },
      body: JSON.stringify({ json: account }),
    });
    if (response.status === 404) {
      console.warn(`⚠ identity has no identity.seedDemoUser yet (HTTP 404): demo accounts not seeded.`);
      return demoAccounts.map((skipped) => ({ email: skipped.email, outcome: 'skipped' }));
    }
    if (!response.ok) throw new Error(`Seeding ${account.email} failed: HTTP ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { result?: { data?: { json?: { created?: boolean } } } };
    results.push({ email: account.email, outcome: body.result?.data?.json?.created ? 'created' : 'existed' });
  }
  return results;
}

/** Creates (if missing) and migrates the database of every service present on disk. */
export async function prepareServiceDatabases(options: { databaseServerUrl: string; databaseSuffix?: string }): Promise<string[]> {
  const prepared: string[] = [];
  for (const entry of presentEntries(services)) {
    const url = serviceDatabaseUrl(options, entry);
    await prepareDatabase(url, path.join(repoRoot, 'apps', entry.dir, 'prisma', 'migrations'));
    prepared.push(url);
  }
  return prepared;
}

/** The mail catcher, the Twitch and Google sign-in stand-ins and the Twitch API stand-in, in this process. */
export async function startStandIns(
  options: Pick<
    PlatformOptions,
    'smtpPort' | 'mailHttpPort' | 'twitchOidcPort' | 'googleOidcPort' | 'twitchApiPort' | 'youtubeApiPort' | 'pusherPort' | 'stripePort' | 'uploadThingPort'
  > & {
    pusherSecret?: string;
    /** Where the local UploadThing keeps files; default the git-ignored `.dev/uploadthing`. */
    uploadThingDir?: string;
    /** The interface every stand-in listens on; default 127.0.0.1 (a container: 0.0.0.0). */
    host?: string;
    /** The name browsers and services reach the stand-ins by, when not this machine's (a container's). */
    publicHost?: string;
    /** Fixed signing secrets of the local Stripe's webhook endpoints (see `startLocalPayments`). */
    stripeWebhookSecrets?: { platform: string; connect: string };
    /** The gateway as the local Stripe reaches it (its webhooks); default localhost. */
    gatewayUrl?: string;
  } = {},
) {
  const host = options.host ?? '127.0.0.1';
  const client = (providerId: 'twitch' | 'google') => ({
    client_id: OIDC_CLIENT.clientId,
    client_secret: OIDC_CLIENT.clientSecret,
    redirect_uris: oidcRedirectUris(providerId),
  });
  const mail = await startMailCatcher({ host, smtpPort: options.smtpPort ?? standIns.smtp, httpPort: options.mailHttpPort ?? standIns.mailHttp });
  const twitch = await startOidcProvider({ host, publicHost: options.publicHost, port: options.twitchOidcPort ?? standIns.twitchOidc, clients: [client('twitch')] }).catch(
    async (error: unknown) => {
      await mail.close();
      throw error;
    },
  );
  const google = await startOidcProvider({ host, publicHost: options.publicHost, port: options.googleOidcPort ?? standIns.googleOidc, clients: [client('google')] }).catch(
    async (error: unknown) => {
      await Promise.all([mail.close(), twitch.close()]);
      throw error;
    },
  );
  const twitchApi = await startTwitchApiStandIn({
    host,
    port: options.twitchApiPort ?? standIns.twitchApi,
    ...TWITCH_API_CLIENT,
    channels: demoTwitchChannels,
  }).catch(async (error: unknown) => {
    await Promise.all([mail.close(), twitch.close(), google.close()]);
    throw error;
  });
  const youtubeApi = await startYoutubeApiStandIn({
    host,
    port: options.youtubeApiPort ?? standIns.youtubeApi,
    ...YOUTUBE_API_CLIENT,
  }).catch(async (error: unknown) => {
    await Promise.all([mail.close(), twitch.close(), google.close(), twitchApi.close()]);
    throw error;
  });
  const pusher = await startPusherStandIn({
    port: options.pusherPort ?? standIns.pusher,
    host,
    apps: [{ ...PUSHER_APP, secret: options.pusherSecret ?? devSecrets().PUSHER_SECRET }],
  }).catch(async (error: unknown) => {
    await Promise.all([mail.close(), twitch.close(), google.close(), twitchApi.close(), youtubeApi.close()]);
    throw error;
  });
  const stripe = await startLocalPayments({
    port: options.stripePort ?? standIns.stripe,
    host,
    publicHost: options.publicHost,
    gatewayUrl: options.gatewayUrl ?? `http://localhost:${gateway.port}`,
    webhookSecrets: options.stripeWebhookSecrets,
  }).catch(async (error: unknown) => {
    await Promise.all([mail.close(), twitch.close(), google.close(), twitchApi.close(), youtubeApi.close(), pusher.close()]);
    throw error;
  });
  const uploadThing = await startLocalUploadThing({
    port: options.uploadThingPort ?? standIns.uploadThing,
    host,
    publicHost: options.publicHost,
    ...(options.uploadThingDir ? { dir: options.uploadThingDir } : {}),
  }).catch(async (error: unknown) => {
    await Promise.all([mail.close(), twitch.close(), google.close(), twitchApi.close(), youtubeApi.close(), pusher.close(), stripe.close()]);
    throw error;
  });
  return {
    mail,
    twitch,
    google,
    twitchApi,
    youtubeApi,
    pusher,
    stripe,
    uploadThing,
    async close() {
      await Promise.all([
        mail.close(),
        twitch.close(),
        google.close(),
        twitchApi.close(),
        youtubeApi.close(),
        pusher.close(),
        stripe.close(),
        uploadThing.close(),
      ]);
    },
  };
}

/** Starts stand-ins, databases, services, gateway and portals; resolves once all answer and demo accounts exist. */
export async function startPlatform(options: PlatformOptions) {
  const infrastructure = await ensureInfrastructure();
  const secrets = options.secrets ?? devSecrets();
  const databases = await prepareServiceDatabases({
    databaseServerUrl: infrastructure.databaseServerUrl,
    databaseSuffix: options.databaseSuffix,
  });
  const standInServers = await startStandIns({
    ...options,
    pusherSecret: secrets.PUSHER_SECRET,
    // A test run's uploads stay apart from development's, like its databases.
    ...(options.databaseSuffix ? { uploadThingDir: path.join(repoRoot, '.dev', `uploadthing${options.databaseSuffix}`) } : {}),
  });
  const env = platformEnv({
    databaseServerUrl: infrastructure.databaseServerUrl,
    redisUrl: infrastructure.redisUrl,
    secrets,
    databaseSuffix: options.databaseSuffix,
    smtpUrl: standInServers.mail.smtpUrl,
    twitchIssuer: standInServers.twitch.issuer,
    googleIssuer: standInServers.google.issuer,
    twitchApiUrl: standInServers.twitchApi.url,
    youtubeApiUrl: standInServers.youtubeApi.url,
    pusherPort: standInServers.pusher.wsPort,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    stripeEnv: standInServers.stripe.paymentEnv,
    uploadThingEnv: standInServers.uploadThing.env,
    paymentTestClock: options.paymentTestClock,
  });

  const children: Array<{ entry: ServiceEntry; child: ChildProcess }> = [];
  let stopping = false;
  const launch = (entry: ServiceEntry, index: number) => {
    const name = processName(entry);
    const { command, args, cwd } = commandFor(entry, options.mode);
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env[name], NODE_ENV: options.mode === 'dev' ? 'development' : 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const label = `\u001b[${colours[index % colours.length]}m${name.padEnd(15)}\u001b[0m│ `;
    let pending = '';
    const print = (chunk: Buffer) => {
      if (options.quiet) return;
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) process.stdout.write(`${label}${line}\n`);
    };
    child.stdout?.on('data', print);
    child.stderr?.on('data', print);
    child.on('exit', (code, signal) => {
      if (!stopping) console.warn(`${label}exited (${signal ?? `code ${code}`})`);
    });
    children.push({ entry, child });
  };

  const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
  const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
    if (!child.pid || !running(child)) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };

  /** SIGTERM to every child's process group, SIGKILL to what still runs after 10 s. */
  async function stop() {
    if (stopping) return;
    stopping = true;
    activePlatforms.delete(stop);
    for (const { child } of children) signalGroup(child, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (children.some(({ child }) => running(child)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const { child } of children) signalGroup(child, 'SIGKILL');
    await standInServers.close();
  }

  const chosenPortals = options.portals;
  const entries =
    chosenPortals === false
      ? backendServices
      : Array.isArray(chosenPortals)
        ? [...backendServices, ...portals.filter((entry) => chosenPortals.includes(entry.name))]
        : undefined;
  const started = presentEntries(entries).filter((entry) => {
    const script = options.mode === 'dev' ? 'dev' : entry.kind === 'portal' ? 'start' : undefined;
    return !script || hasScript(entry, script);
  });
  let seeded: SeedResult[] = [];
  let marketplace: MarketplaceSeedSummary | undefined;
  activePlatforms.add(stop);
  try {
    started.forEach((entry, index) => launch(entry, index));
    await Promise.all(
      children.map(({ entry, child }) =>
        waitUntilReady(entry, options.mode === 'dev' && entry.kind === 'portal' ? 300_000 : 90_000, () => !running(child)),
      ),
    );
    if (options.seed !== false) {
      const identity = children.find(({ entry }) => entry.name === 'identity' && entry.kind === 'service');
      if (identity) {
        seeded = await seedDemoAccounts(secrets.SERVICE_SECRET, `http://127.0.0.1:${identity.entry.port}`);
        if (options.seed !== 'accounts') {
          marketplace = await seedMarketplace({
            gatewayUrl: env[processName(gateway)]?.GATEWAY_URL ?? `http://localhost:${gateway.port}`,
            serviceSecret: secrets.SERVICE_SECRET,
            identityUrl: `http://127.0.0.1:${identity.entry.port}`,
            streamerPortalUrl: env[processName(gateway)]?.STREAMER_PORTAL_URL ?? 'http://localhost:3002',
            stripeUrl: standInServers.stripe.url,
          });
        }
      } else console.warn('⚠ the identity service is not there yet: demo accounts not seeded.');
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    env,
    mail: standInServers.mail,
    twitch: standInServers.twitch,
    google: standInServers.google,
    secrets,
    /** Database URLs this platform uses (drop them after a test run). */
    databases,
    /** Table entries that were started. */
    started,
    seeded,
    marketplace,
    twitchApi: standInServers.twitchApi,
    youtubeApi: standInServers.youtubeApi,
    pusher: standInServers.pusher,
    stripe: standInServers.stripe,
    uploadThing: standInServers.uploadThing,
    stop,
  };
}
export type RunningPlatform = Awaited<ReturnType<typeof startPlatform>>;
