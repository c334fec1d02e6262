/** Percentiles and a one-line summary of latencies in milliseconds. */
export function summarize(latencies: number[], seconds?: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  const figures = {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
  };
  const throughput = seconds ? latencies.length / seconds : undefined;
  const line =
    `n=${figures.count}  p50 ${figures.p50.toFixed(2)} ms  p95 ${figures.p95.toFixed(2)} ms  ` +
    `p99 ${figures.p99.toFixed(2)} ms  max ${figures.max.toFixed(2)} ms` +
    (throughput ? `  ${throughput.toFixed(0)} queries/s` : '');
  return { ...figures, throughput, line };
}

/** Runs `work(index)` `count` times with `concurrency` in flight; each call's latency and the wall time. */
export async function measure(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<unknown>,
) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const begun = performance.now();
        await work(index);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}
