/**
 * The bench's load generator, in its own process so its CPU is not counted as the service's and
 * its event loop does not delay the service's. Plain keep-alive sockets (one request in flight per
 * socket), bodies built with fresh event ids as it goes. Prints one JSON line with the results.
 *
 * Input (env): BENCH_PORT, BENCH_SECONDS, BENCH_CLIENTS, BENCH_BATCH, BENCH_KEYS (comma-separated).
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';

const port = Number(process.env.BENCH_PORT);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const clients = Number(process.env.BENCH_CLIENTS ?? 12);
const batchSize = Number(process.env.BENCH_BATCH ?? 100);
const keys = (process.env.BENCH_KEYS ?? '').split(',');
const warmUpOnly = process.env.BENCH_WARM_UP === '1';

const participationId = randomUUID();
const campaignId = randomUUID();
const adIds = Array.from({ length: 7 }, (_, i) => `ad-${i}`);

/** One request: headers and a batch of heartbeats, each with a fresh id. */
function request(key: string) {
  const at = new Date().toISOString();
  let events = '';
  for (let i = 0; i < batchSize; i += 1) {
    events +=
      `${i ? ',' : ''}{"id":"${randomUUID()}","type":"heartbeat","at":"${at}","adId":"${adIds[i % 7]}",` +
      `"participationId":"${participationId}","campaignId":"${campaignId}","viewers":250}`;
  }
  const body = `{"events":[${events}]}`;
  return (
    `POST /ingest HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
    `x-overlay-key: ${key}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** A keep-alive connection sending one request at a time; resolves with the status code. */
async function connection() {
  const socket = net.connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let pending: { resolve(status: number): void; reject(error: Error): void } | undefined;
  let buffered: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    const headerEnd = buffered.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = buffered.subarray(0, headerEnd).toString('latin1');
    const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (buffered.length < headerEnd + 4 + length) return;
    buffered = buffered.subarray(headerEnd + 4 + length);
    const settle = pending;
    pending = undefined;
    settle?.resolve(Number(head.slice(9, 12)));
  });
  socket.on('error', (error) => pending?.reject(error));
  socket.on('close', () => pending?.reject(new Error('connection closed')));
  return {
    send(payload: string) {
      return new Promise<number>((resolve, reject) => {
        pending = { resolve, reject };
        socket.write(payload);
      });
    },
    close: () => socket.destroy(),
  };
}

const sockets = await Promise.all(Array.from({ length: clients }, connection));

if (warmUpOnly) {
  // Connections, key cache, JIT: every key once.
  let n = 0;
  await Promise.all(
    sockets.map(async (socket) => {
      for (let k = n++; k < keys.length; k = n++) await socket.send(request(keys[k]!));
    }),
  );
  sockets.forEach((socket) => socket.close());
  process.stdout.write(`${JSON.stringify({ warmedUp: keys.length })}\n`);
  process.exit(0);
}

const cpuBefore = process.cpuUsage();
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let acknowledged = 0;
const started = performance.now();
const stopAt = started + seconds * 1000;
await Promise.all(
  sockets.map(async (socket, client) => {
    let n = client;
    while (performance.now() < stopAt) {
      const payload = request(keys[n++ % keys.length]!);
      const sent = performance.now();
      const status = await socket.send(payload);
      latencies.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200) acknowledged += batchSize;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
sockets.forEach((socket) => socket.close());
process.stdout.write(
  `${JSON.stringify({ elapsed, acknowledged, statuses, latencies, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`,
);
