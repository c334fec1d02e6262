import { redisConnection } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import { Queue, Worker } from 'bullmq';
import { signAuditCheckpoint } from '../domain/audit-checkpoint';
import type { AdminDeps } from '../domain/deps';

const CHECKPOINT_QUEUE = 'admin-audit-checkpoint';

/** The repeatable job that signs the audit chain's head; one worker runs it at a time. */
export async function startCheckpointJobs(options: {
  deps: AdminDeps;
  redisUrl: string;
  prefix: string;
  everyMs: number;
  log: Logger;
}) {
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue(CHECKPOINT_QUEUE, { connection, prefix: options.prefix });
  await queue.upsertJobScheduler(
    'sign-head',
    { every: options.everyMs },
    { name: 'sign-head', data: {} },
  );
  const worker = new Worker(CHECKPOINT_QUEUE, () => signAuditCheckpoint(options.deps), {
    connection,
    prefix: options.prefix,
    concurrency: 1,
  });
  worker.on('failed', (job, error) =>
    options.log.error({ err: error, jobId: job?.id }, 'audit checkpoint failed'),
  );
  // BullMQ emits connection errors; unheard, they would crash the process.
  worker.on('error', (error) => options.log.error({ err: error }, 'checkpoint worker error'));
  queue.on('error', (error) => options.log.error({ err: error }, 'checkpoint queue error'));
  return {
    async stop() {
      await worker.close();
      await queue.close();
    },
  };
}
