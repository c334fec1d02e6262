import { Worker } from 'node:worker_threads';

export interface LoadResult {
  name: string;
  throughput: number;
  p50: number;
  p99: number;
}

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
}

// The load generator runs on its own thread, so it does not steal the servers' event loop.
// Request i goes to targets[i % targets.length] (several callers, several queries).
const loadWorkerSource = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { targets, count, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = new Float64Array(count);
let next = 0;
let failed = 0;
let firstFailure;
function one(index) {
  const { url, headers } = targets[index % targets.length];
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    http.get(url, { agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => { if (res.statusCode !== 200) chunks.push(chunk); });
      res.on('end', () => {
        if (res.statusCode !== 200) {
          failed += 1;
          firstFailure ??= res.statusCode + ' ' + Buffer.concat(chunks).toString().slice(0, 300);
        }
        latencies[index] = Number(process.hrtime.bigint() - started) / 1e6;
        resolve();
      });
    }).on('error', (error) => { failed += 1; firstFailure ??= error.message; resolve(); });
  });
}
(async () => {
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await one(next++);
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  parentPort.postMessage({ seconds, failed, firstFailure, latencies });
})();
`;

/** `count` GETs over keep-alive, `concurrency` in flight: throughput and p50/p99 in ms. */
export function load(
  name: string,
  targets: LoadTarget[],
  count: number,
  concurrency: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(loadWorkerSource, {
      eval: true,
      workerData: { targets, count, concurrency },
    });
    worker.once('error', reject);
    worker.once(
      'message',
      (message: { seconds: number; failed: number; firstFailure?: string; latencies: Float64Array }) => {
        void worker.terminate();
        if (message.failed > 0) {
          return reject(new Error(`${name}: ${message.failed} requests failed (first: ${message.firstFailure})`));
        }
        const sorted = Array.from(message.latencies).sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
        resolve({ name, throughput: count / message.seconds, p50: at(0.5), p99: at(0.99) });
      },
    );
  });
}

/** The median of interleaved rounds' figures, each taken on its own. */
export function medianOf(results: LoadResult[]): LoadResult {
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    name: results[0]?.name ?? '',
    throughput: mid(results.map((r) => r.throughput)),
    p50: mid(results.map((r) => r.p50)),
    p99: mid(results.map((r) => r.p99)),
  };
}

export const loadRow = (r: LoadResult) =>
  `| ${r.name.padEnd(44)} | ${r.throughput.toFixed(0).padStart(8)} | ${r.p50.toFixed(2).padStart(7)} | ${r.p99.toFixed(2).padStart(7)} |`;
export const loadHeader =
  `| ${'path'.padEnd(44)} |    req/s | p50 ms  | p99 ms  |\n| ${'-'.repeat(44)} | -------: | ------: | ------: |`;
