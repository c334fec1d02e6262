/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * The busiest portal pages rendered by the production build with the demo marketplace: the brand
 * campaign list (`/campaigns`, Acme Energy) and the streamer marketplace (`/marketplace`, Pixel Pat),
 * signed in through next-auth like a browser. Side by side in the same run: the same bytes from a
 * bare node:http server (the machine's floor) and the portal's lightest page (`/wrong-portal`: the
 * same build and root layout, no session read, no service call).
 *
 * Time to first byte is when the response headers arrive: Next sends them once the part of the page
 * outside any Suspense boundary is rendered (the `loading.tsx` shell), then streams the rest, so
 * the time to the last byte (the page with its data) is printed beside it.
 *   pnpm --filter @gametriggers/devstack bench  [REQUESTS=200 CONCURRENCY=4 WARMUP=20]
 * It uses the platform's fixed ports: not while `pnpm dev` or the browser tests run.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createApiClient } from '@gametriggers/api';
import type { ApiClient } from '@gametriggers/api';
import { dropDatabase } from '@gametriggers/db';
import { answers, repoRoot } from '../src/infrastructure';
import { freeStandInPorts, startPlatform } from '../src/platform';
import { portalUrl } from '../src/platform-env';
import { demoAccounts, gateway, gatewayMetricsPort, portals, services } from '../src/services';
import { generateSecrets } from '../src/secrets';

// BENCH_DRY_RUN=1: one tiny iteration of the measurement against the bare server, without building
// or starting the platform (minutes on this machine), to check the benchmark loads and runs.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const requests = Number(process.env.REQUESTS ?? (dryRun ? 1 : 200));
const concurrency = Number(process.env.CONCURRENCY ?? 4);
const warmup = Number(process.env.WARMUP ?? (dryRun ? 1 : 20));

/** The session cookie every portal shares (`@gametriggers/auth`'s `SESSION_COOKIE`). */
const SESSION_COOKIE = 'gt.session-token';

interface Target {
  url: string;
  cookie?: string;
  /** Text the complete page must hold, so a redirect or an error card is never measured. */
  marker: string;
}

interface Row {
  name: string;
  concurrency: number;
  ttfbP50: number;
  ttfbP99: number;
  completeP50: number;
  completeP99: number;
  perSecond: number;
  gatewayCallsPerRender?: string;
}

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** One GET: milliseconds to the response headers and to the last byte. */
function timeOne(agent: http.Agent, target: Target): Promise<{ ttfb: number; complete: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const request = http.get(
      target.url,
      { agent, headers: target.cookie ? { cookie: target.cookie } : {} },
      (response) => {
        const ttfb = elapsed();
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const complete = elapsed();
          const body = Buffer.concat(chunks).toString();
          if (response.statusCode !== 200 || !body.includes(target.marker)) {
            const alert = /role="alert"[^>]*>(.{0,300})/.exec(body)?.[1] ?? body.slice(0, 300);
            reject(new Error(`${target.url}: HTTP ${response.statusCode} without ${target.marker}: ${alert}`));
          } else resolve({ ttfb, complete });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

async function measure(name: string, target: Target, atOnce: number): Promise<Row> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: atOnce });
  try {
    for (let index = 0; index < warmup; index += 1) await timeOne(agent, target);
    const ttfb: number[] = [];
    const complete: number[] = [];
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: atOnce }, async () => {
        while (next < requests) {
          next += 1;
          const timing = await timeOne(agent, target);
          ttfb.push(timing.ttfb);
          complete.push(timing.complete);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    ttfb.sort((a, b) => a - b);
    complete.sort((a, b) => a - b);
    return {
      name,
      concurrency: atOnce,
      ttfbP50: at(ttfb, 0.5),
      ttfbP99: at(ttfb, 0.99),
      completeP50: at(complete, 0.5),
      completeP99: at(complete, 0.99),
      perSecond: requests / seconds,
    };
  } finally {
    agent.destroy();
  }
}

// The floor serves from its own thread, so it does not share the load client's event loop.
const floorServerSource = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const body = Buffer.from(workerData.body);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

/** A bare node:http server answering every request with these bytes, on a worker thread. */
function startFloorServer(body: string): Promise<{ url: string; close: () => Promise<number> }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(floorServerSource, { eval: true, workerData: { body } });
    worker.once('error', reject);
    worker.once('message', (port: number) =>
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => worker.terminate() }),
    );
  });
}

/** The complete HTML of one render, as the floor server's bytes. */
async function pageBytes(target: Target): Promise<string> {
  const response = await fetch(target.url, { headers: target.cookie ? { cookie: target.cookie } : {} });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(target.marker)) {
    throw new Error(`${target.url} did not render (HTTP ${response.status}): ${body.slice(0, 300)}`);
  }
  return body;
}

/** Signs in through the portal's next-auth credentials route, as the landing page's form does. */
async function signIn(portal: string, person: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${portal}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const response = await fetch(`${portal}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ csrfToken, email: person.email, password: person.password, callbackUrl: portal }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`Signing in as ${person.email} at ${portal} failed (HTTP ${response.status} to ${response.headers.get('location')})`);
  return session;
}

/** Requests through the gateway so far, by domain (its internal Prometheus listener). */
async function gatewayRequests(): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${gatewayMetricsPort}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/^gateway_request_duration_seconds_count\{([^}]*)\} (\d+)/gm)) {
    const domain = /domain="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? '?';
    counts.set(domain, (counts.get(domain) ?? 0) + Number(match[2]));
  }
  return counts;
}

/** Gateway requests per render during `work` (`renders` of them), e.g. `campaign 1, notification 2`. */
async function countGatewayCalls(renders: number, work: () => Promise<Row>): Promise<Row> {
  const before = await gatewayRequests();
  const row = await work();
  const after = await gatewayRequests();
  const perRender = [...after]
    .map(([domain, count]) => [domain, (count - (before.get(domain) ?? 0)) / renders] as const)
    .filter(([, count]) => count > 0)
    .map(([domain, count]) => `${domain} ${Number(count.toFixed(2))}`);
  return { ...row, gatewayCallsPerRender: perRender.join(', ') };
}

/** The three figures of one page at one concurrency: the floor, the lightest page, the page. */
async function comparePage(label: string, portal: string, page: Target): Promise<Row[]> {
  const floor = await startFloorServer(await pageBytes(page));
  const lightest: Target = { url: `${portal}/wrong-portal`, cookie: page.cookie, marker: 'wrong-portal-message' };
  const rows: Row[] = [];
  try {
    for (const atOnce of [1, concurrency]) {
      rows.push(await measure(`  same bytes, bare node:http`, { url: floor.url, marker: page.marker }, atOnce));
      rows.push(await measure(`  /wrong-portal (lightest page)`, lightest, atOnce));
      rows.push(
        await countGatewayCalls(requests + warmup, () => measure(`  ${label}`, page, atOnce)),
      );
    }
  } finally {
    await floor.close();
  }
  return rows;
}

interface ReadTiming {
  name: string;
  p50: number;
  p99: number;
}

/** The API as this person, through the gateway, as a portal's server calls it. */
async function apiAs(gatewayUrl: string, person: { email: string; password: string }): Promise<ApiClient> {
  const { accessToken } = await createApiClient({ gatewayUrl }).identity.login.mutate(person);
  return createApiClient({ gatewayUrl, getAccessToken: () => accessToken });
}

/** One of a page's reads alone, one at a time: where a render's time goes. */
async function timeRead(name: string, read: () => Promise<unknown>): Promise<ReadTiming> {
  for (let index = 0; index < warmup; index += 1) await read();
  const times: number[] = [];
  for (let index = 0; index < requests; index += 1) {
    const started = process.hrtime.bigint();
    await read();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, p50: at(times, 0.5), p99: at(times, 0.99) };
}

function printReads(title: string, reads: ReadTiming[]) {
  console.log(`  ${title}, each alone through the gateway, one at a time: ${reads.map((read) => `${read.name} p50 ${read.p50.toFixed(1)} / p99 ${read.p99.toFixed(1)}`).join('; ')}`);
}

function printTable(title: string, rows: Row[]) {
  const ms = (value: number) => value.toFixed(1).padStart(8);
  console.log(`\n${title}`);
  console.log(
    `${'path'.padEnd(40)} ${'at once'.padStart(7)} ${'TTFB p50'.padStart(8)} ${'TTFB p99'.padStart(8)} ${'last p50'.padStart(8)} ${'last p99'.padStart(8)} ${'req/s'.padStart(7)}  gateway calls per render`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(40)} ${String(row.concurrency).padStart(7)} ${ms(row.ttfbP50)} ${ms(row.ttfbP99)} ${ms(row.completeP50)} ${ms(row.completeP99)} ${row.perSecond.toFixed(0).padStart(7)}  ${row.gatewayCallsPerRender ?? ''}`,
    );
  }
}

const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');
console.log(`portal pages, server render: ${requests} requests per row after ${warmup} warm-up, milliseconds; load average ${load()}`);

if (dryRun) {
  const marker = 'data-testid="campaign-list"';
  const floor = await startFloorServer(`<!DOCTYPE html><ul ${marker}></ul>`);
  try {
    printTable('dry run (no build, no platform): the bare server only', [
      await measure('  bare node:http', { url: floor.url, marker }, 1),
    ]);
  } finally {
    await floor.close();
  }
  process.exit(0);
}

const busy = await Promise.all(
  [gateway, ...services, ...portals].map(async (entry) => ((await answers('127.0.0.1', entry.port)) ? entry.port : null)),
);
if (busy.some((port) => port !== null)) {
  throw new Error(`Ports ${busy.filter((port) => port !== null).join(', ')} are taken (pnpm dev or the browser tests?): stop them first.`);
}

// Turbo restores a build whose inputs have not changed from its cache instead of building again.
const build = spawnSync(
  'pnpm',
  ['turbo', 'run', 'build', '--filter=@gametriggers/brand-portal', '--filter=@gametriggers/streamer-portal', '--output-logs=errors-only'],
  { cwd: repoRoot, stdio: 'inherit' },
);
if (build.status !== 0) throw new Error('Building the portals failed');

// Every render reaches the gateway from one address and one person: without lifting the gateway's
// rate limits (children inherit this environment) the figures would soon be of 429 answers.
process.env.RATE_LIMIT_PER_IP = '1000000';
process.env.RATE_LIMIT_PER_USER = '1000000';

const suffix = `_bench_${randomBytes(4).toString('hex')}`;
console.log('Starting the platform with the demo marketplace (a minute or two)…');
const platform = await startPlatform({
  mode: 'test',
  databaseSuffix: suffix,
  secrets: generateSecrets(),
  portals: ['brand', 'streamer'],
  ...freeStandInPorts,
  quiet: true,
});
try {
  const portalAt = (name: string) => portalUrl(portals.find((entry) => entry.name === name)!);
  const account = (role: string) => demoAccounts.find((entry) => entry.role === role)!;
  const brand = portalAt('brand');
  const streamer = portalAt('streamer');
  // Signed in just before each page: a 15-minute access token outlives its measurement.
  const brandRows = await comparePage('/campaigns', brand, {
    url: `${brand}/campaigns`,
    cookie: await signIn(brand, account('brand')),
    marker: 'data-testid="campaign-list"',
  });
  const streamerRows = await comparePage('/marketplace', streamer, {
    url: `${streamer}/marketplace`,
    cookie: await signIn(streamer, account('streamer')),
    marker: 'data-testid="marketplace-list"',
  });
  const gatewayUrl = platform.env.gateway?.GATEWAY_URL ?? `http://localhost:${gateway.port}`;
  const asBrand = await apiAs(gatewayUrl, account('brand'));
  const brandReads = [
    await timeRead('campaign.listMine', () => asBrand.campaign.listMine.query({ limit: 20 })),
    await timeRead('brand.me', () => asBrand.brand.me.query()),
    await timeRead('notification unreadCount', () => asBrand.notification.inbox.unreadCount.query()),
  ];
  const asStreamer = await apiAs(gatewayUrl, account('streamer'));
  const firstPage = await asStreamer.campaign.discover.query({ sort: 'newest', limit: 12 });
  const campaignIds = firstPage.items.map((campaign) => campaign.id);
  const streamerReads = [
    await timeRead('streamer.me', () => asStreamer.streamer.me.query()),
    await timeRead('campaign.discover', () => asStreamer.campaign.discover.query({ sort: 'newest', limit: 12 })),
    await timeRead(`participation.standings (${campaignIds.length} campaigns)`, () =>
      asStreamer.participation.standings.query({ campaignIds }),
    ),
  ];
  printTable(`brand portal, campaign list (${account('brand').name})`, brandRows);
  printReads('its reads', brandReads);
  printTable(`streamer portal, marketplace (${account('streamer').name})`, streamerRows);
  printReads('its reads', streamerReads);
  console.log(`\nload average at the end ${load()}`);
} finally {
  await platform.stop();
  for (const url of platform.databases) await dropDatabase(url).catch(() => undefined);
  rmSync(path.join(repoRoot, '.dev', `uploadthing${suffix}`), { recursive: true, force: true });
}
