// Push latency through the stand-in: 1,000 overlays connected with pusher-js, each on its own
// private channel with real auth, and ad.show triggered through the official `pusher` SDK.
// Latency is measured from the publish call to the overlay's pusher-js callback.
import { performance } from 'node:perf_hooks';
import type PusherClient from 'pusher-js';
import { createChannelAuthorizer } from '../src/channel-authorizer';
import { overlayChannel } from '../src/channels';
import { connectRealtime, subscribeTyped } from '../src/client';
import type { AdShow } from '../src/events';
import { createRealtimePublisher } from '../src/publisher';
import { standInRealtimeConfig, startTestStandIn } from '../src/testing/stand-in-kit';

// BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const OVERLAYS = dryRun ? 2 : 1_000;
const CONNECT_CONCURRENCY = 100;
const PUSHES = dryRun ? 2 : 2_000;
const PUSH_CONCURRENCY = 5;
const TARGET_P99_MS = 100;

const standIn = await startTestStandIn();
const config = standInRealtimeConfig(standIn);
const authorizer = createChannelAuthorizer(config);
const publisher = createRealtimePublisher(config);
const pending = new Map<string, { startedAt: number; arrived: () => void }>();
const latencies: number[] = [];

function connectOverlay(index: number): Promise<PusherClient> {
  const overlayId = `o${index}`;
  const client = connectRealtime({
    key: config.key,
    host: standIn.wsHost,
    port: standIn.wsPort,
    useTLS: false,
    authorizer: async ({ socketId, channelName }) => {
      const response = await authorizer.respondToAuthRequest(
        new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
        { mayAccess: (channel) => channel.kind === 'overlay' && channel.overlayId === overlayId },
      );
      if (response.status !== 200) throw new Error(response.body.error);
      return response.body;
    },
  });
  return new Promise((resolve, reject) => {
    subscribeTyped(
      client,
      overlayChannel(overlayId),
      {
        'ad.show': ({ adId }) => {
          const push = pending.get(adId);
          if (!push) return;
          latencies.push(performance.now() - push.startedAt);
          pending.delete(adId);
          push.arrived();
        },
      },
      { onSubscribed: () => resolve(client), onSubscriptionError: reject },
    );
  });
}

async function push(index: number): Promise<void> {
  const adId = `ad-${index}`;
  const overlayId = `o${Math.floor(Math.random() * OVERLAYS)}`;
  const arrived = new Promise<void>((resolve) => pending.set(adId, { startedAt: performance.now(), arrived: resolve }));
  const ad: AdShow = {
    adId,
    participationId: 'p-1',
    campaignId: 'c-1',
    brandName: 'Acme Energy',
    title: 'Clutch moments',
    creative: { type: 'image', url: 'https://cdn.example.com/ad.png' },
    durationSeconds: 15,
    shownAt: new Date().toISOString(),
  };
  await publisher.publish(overlayChannel(overlayId), 'ad.show', ad);
  await arrived;
}

async function inBatches(count: number, concurrency: number, run: (index: number) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < count) await run(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const print = (line: string) => process.stdout.write(`${line}\n`);

const clients: PusherClient[] = [];
const connectStartedAt = performance.now();
await inBatches(OVERLAYS, CONNECT_CONCURRENCY, async (index) => clients.push(await connectOverlay(index)));
const connectMs = performance.now() - connectStartedAt;

const pushStartedAt = performance.now();
await inBatches(PUSHES, PUSH_CONCURRENCY, push);
const pushMs = performance.now() - pushStartedAt;

const sorted = [...latencies].sort((a, b) => a - b);
const p99 = percentile(sorted, 99);
print(`Pusher stand-in push latency (${new Date().toISOString()}, Node ${process.version})`);
print(`  overlays connected and subscribed (private, real auth): ${clients.length} in ${connectMs.toFixed(0)} ms`);
print(`  ad.show pushes: ${latencies.length} (${PUSH_CONCURRENCY} at a time) in ${pushMs.toFixed(0)} ms`);
print(`  latency publish() → pusher-js callback:`);
print(`    p50 ${percentile(sorted, 50).toFixed(2)} ms`);
print(`    p95 ${percentile(sorted, 95).toFixed(2)} ms`);
print(`    p99 ${p99.toFixed(2)} ms  (target ≤ ${TARGET_P99_MS} ms: ${p99 <= TARGET_P99_MS ? 'met' : 'MISSED'})`);
print(`    max ${(sorted.at(-1) ?? Number.NaN).toFixed(2)} ms`);

for (const client of clients) client.disconnect();
await standIn.close();
process.exit(0);
