import type { Logger } from '@gametriggers/trpc';
import { Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { StreamerDeps } from '../domain/deps';
import { syncPlatformMetrics, syncablePlatformIds } from '../domain/metrics-sync';

export const METRICS_QUEUE = 'streamer.metrics';
const SYNC_ALL = 'sync-all-platforms';
const SYNC_PLATFORM = 'sync-platform';

export interface MetricsSyncJobsOptions {
  redisUrl: string;
  queuePrefix: string;
  intervalMinutes: number;
  log: Logger;
}

/**
 * The metrics sync: a repeatable job every `intervalMinutes` fans out one job per connected
 * channel (so one slow or failing platform delays nobody else), plus immediate jobs on connect.
 */
export function createMetricsSyncQueue(options: MetricsSyncJobsOptions) {
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(METRICS_QUEUE, {
    connection,
    prefix: options.queuePrefix,
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: 1_000,
      removeOnFail: 5_000,
    },
  });
  queue.on('error', (error) => options.log.error({ err: error }, 'metrics sync queue error'));
  return {
    queue,
    async queuePlatform(platformId: string) {
      await queue.add(SYNC_PLATFORM, { platformId });
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
export type MetricsSyncQueue = ReturnType<typeof createMetricsSyncQueue>;

export async function startMetricsSyncWorker(
  deps: StreamerDeps,
  metrics: MetricsSyncQueue,
  options: MetricsSyncJobsOptions,
) {
  const intervalMs = options.intervalMinutes * 60_000;
  await metrics.queue.upsertJobScheduler(SYNC_ALL, { every: intervalMs }, { name: SYNC_ALL });
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker(
    METRICS_QUEUE,
    async (job: Job<{ platformId?: string }>) => {
      if (job.name === SYNC_ALL) {
        const ids = await syncablePlatformIds(deps);
        // One job per channel and interval: a late run of the fan-out does not double the work.
        const slot = Math.floor(deps.now().getTime() / intervalMs);
        await metrics.queue.addBulk(
          ids.map((platformId) => ({
            name: SYNC_PLATFORM,
            data: { platformId },
            opts: { jobId: `${SYNC_PLATFORM}-${platformId}-${slot}` },
          })),
        );
        return { queued: ids.length };
      }
      if (job.name === SYNC_PLATFORM && job.data.platformId) {
        return { outcome: await syncPlatformMetrics(deps, job.data.platformId) };
      }
      throw new Error(`Unknown metrics job ${job.name}`);
    },
    { connection, prefix: options.queuePrefix, concurrency: 4 },
  );
  worker.on('failed', (job, error) => {
    options.log.warn({ err: error, job: job?.name, data: job?.data }, 'metrics sync job failed');
  });
  // BullMQ emits connection errors; unheard, they would crash the process.
  worker.on('error', (error) => options.log.error({ err: error }, 'metrics sync worker error'));
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
