import { Queue, Worker } from 'bullmq';
import { redisConnection } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import type { AnalyticsDb } from '../database';
import { pruneLiveChanges } from '../live/live-history';
import { ensurePartitionsAhead } from './hourly-rollup';

const ROLLUP_QUEUE = 'analytics-rollup';

/** The repeatable job: partitions ahead, old live changes out, then hourly counts. One worker runs it at a time. */
export async function startRollupJobs(options: {
  db: AnalyticsDb;
  now: () => Date;
  rollup: () => Promise<unknown>;
  redisUrl: string;
  prefix: string;
  everyMs: number;
  log: Logger;
}) {
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue(ROLLUP_QUEUE, { connection, prefix: options.prefix });
  await queue.upsertJobScheduler(
    'rollup',
    { every: options.everyMs },
    { name: 'rollup', data: {} },
  );
  const worker = new Worker(
    ROLLUP_QUEUE,
    async () => {
      await ensurePartitionsAhead(options.db, options.now());
      await pruneLiveChanges(options.db, options.now());
      return options.rollup();
    },
    { connection, prefix: options.prefix, concurrency: 1 },
  );
  worker.on('failed', (job, error) =>
    options.log.error({ err: error, jobId: job?.id }, 'analytics rollup failed'),
  );
  // BullMQ emits connection errors; unheard, they would crash the process.
  worker.on('error', (error) => options.log.error({ err: error }, 'rollup worker error'));
  queue.on('error', (error) => options.log.error({ err: error }, 'rollup queue error'));
  return {
    async stop() {
      await worker.close();
      await queue.close();
    },
  };
}
