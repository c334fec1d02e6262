import { redisConnection } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import { Queue, Worker } from 'bullmq';
import type { CheckDeps } from './check-asset';
import { checkUploadedAsset } from './check-asset';

const CHECK_QUEUE = 'asset-checks';

export interface AssetCheckJobs {
  /** Queues the check of one uploaded asset (once per asset: its id is the job id). */
  enqueue(assetId: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The checks run as BullMQ jobs, retried with backoff when the store or ffprobe fail. At start, every
 * asset still `checking` is queued again, so an upload recorded just before a crash is not stranded.
 */
export async function startAssetCheckJobs(options: {
  deps: CheckDeps;
  redisUrl: string;
  prefix: string;
  concurrency?: number;
  log: Logger;
}): Promise<AssetCheckJobs> {
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue(CHECK_QUEUE, { connection, prefix: options.prefix });
  const worker = new Worker<{ assetId: string }>(
    CHECK_QUEUE,
    (job) => checkUploadedAsset(options.deps, job.data.assetId),
    { connection, prefix: options.prefix, concurrency: options.concurrency ?? 2 },
  );
  worker.on('failed', (job, error) =>
    options.log.error({ err: error, assetId: job?.data.assetId, attempt: job?.attemptsMade }, 'asset check failed'),
  );
  // BullMQ emits connection errors; unheard, they would crash the process.
  worker.on('error', (error) => options.log.error({ err: error }, 'asset check worker error'));
  queue.on('error', (error) => options.log.error({ err: error }, 'asset check queue error'));

  async function enqueue(assetId: string) {
    await queue.add(
      'check',
      { assetId },
      { jobId: assetId, attempts: 5, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: true, removeOnFail: 1_000 },
    );
  }

  const stranded = await options.deps.db.asset.findMany({ where: { state: 'checking' }, select: { id: true } });
  for (const { id } of stranded) await enqueue(id);

  return {
    enqueue,
    async stop() {
      await worker.close();
      await queue.close();
    },
  };
}
