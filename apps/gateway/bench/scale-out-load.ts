/**
 * The scale-out bench's load generator, a process of its own: CONCURRENCY keep-alive connections,
 * one request in flight on each, for SECONDS. Prints one JSON line with the results.
 *
 * Input (env): LOAD_URL, SECONDS, CONCURRENCY, and either
 * - MODE=read: GET LOAD_URL with AUTHORIZATION;
 * - MODE=ingest: POST overlay report batches of BATCH heartbeats (fresh ids) with one of KEYS
 *   (comma-separated) as x-overlay-key; every REPLAY_EVERY-th request sends a batch already
 *   acknowledged again, byte for byte (an overlay retrying), so it must be stored once.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';

const url = new URL(process.env.LOAD_URL ?? '');
const seconds = Number(process.env.SECONDS ?? 10);
const concurrency = Number(process.env.CONCURRENCY ?? 16);
const mode = process.env.MODE === 'ingest' ? 'ingest' : 'read';
const batchSize = Number(process.env.BATCH ?? 100);
const keys = (process.env.KEYS ?? '').split(',');
const replayEvery = Number(process.env.REPLAY_EVERY ?? 10);

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const participationId = randomUUID();
const campaignId = randomUUID();

interface Batch {
  key: string;
  body: string;
  events: number;
}

function freshBatch(key: string): Batch {
  const at = new Date().toISOString();
  let events = '';
  for (let i = 0; i < batchSize; i += 1) {
    events +=
      `${i ? ',' : ''}{"id":"${randomUUID()}","type":"heartbeat","at":"${at}","adId":"ad-${i % 7}",` +
      `"participationId":"${participationId}","campaignId":"${campaignId}","viewers":250}`;
  }
  return { key, body: `{"events":[${events}]}`, events: batchSize };
}

function send(method: 'GET' | 'POST', headers: Record<string, string>, body?: string) {
  return new Promise<number>((resolve) => {
    const request = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    request.on('error', () => resolve(0));
    request.end(body);
  });
}

const latencies: number[] = [];
const statuses: Record<string, number> = {};
const acknowledged: Batch[] = [];
let distinctEventsAcknowledged = 0;
let replayedEventsAcknowledged = 0;
let requests = 0;

async function one() {
  let status: number;
  const started = performance.now();
  if (mode === 'read') {
    status = await send('GET', { authorization: process.env.AUTHORIZATION ?? '' });
  } else {
    requests += 1;
    const replay = requests % replayEvery === 0 && acknowledged.length > 0;
    const batch = replay
      ? acknowledged[Math.floor(Math.random() * acknowledged.length)]!
      : freshBatch(keys[requests % keys.length]!);
    status = await send(
      'POST',
      {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(batch.body)),
        'x-overlay-key': batch.key,
      },
      batch.body,
    );
    if (status === 200 && replay) replayedEventsAcknowledged += batch.events;
    if (status === 200 && !replay) {
      distinctEventsAcknowledged += batch.events;
      acknowledged.push(batch);
    }
  }
  latencies.push(performance.now() - started);
  statuses[status] = (statuses[status] ?? 0) + 1;
}

const started = performance.now();
const stopAt = started + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < stopAt) await one();
  }),
);
const elapsed = (performance.now() - started) / 1000;
agent.destroy();
process.stdout.write(
  `${JSON.stringify({
    elapsed,
    statuses,
    latencies,
    distinctEventsAcknowledged,
    replayedEventsAcknowledged,
  })}\n`,
);
