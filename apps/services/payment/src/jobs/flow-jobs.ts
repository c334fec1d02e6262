import { redisConnection } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import { Queue, Worker } from 'bullmq';

/** A repeatable BullMQ job of the payment service's Stripe-facing flows (one run at a time). */
export async function startRepeatableJob(options: {
  queue: string;
  everyMs: number;
  run: () => Promise<unknown>;
  redisUrl: string;
  prefix: string;
  log: Logger;
}) {
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue(options.queue, { connection, prefix: options.prefix });
  // The first run one period after boot, not at once: a restart loop must not hammer Stripe.
  await queue.upsertJobScheduler(
    options.queue,
    { every: options.everyMs, startDate: new Date(Date.now() + options.everyMs) },
    { name: options.queue, data: {} },
  );
  const worker = new Worker(options.queue, () => options.run(), { connection, prefix: options.prefix, concurrency: 1 });
  worker.on('failed', (job, error) => options.log.error({ err: error, jobId: job?.id, queue: options.queue }, 'job failed'));
  worker.on('error', (error) => options.log.error({ err: error, queue: options.queue }, 'job worker error'));
  queue.on('error', (error) => options.log.error({ err: error, queue: options.queue }, 'job queue error'));
  return {
    async stop() {
      await worker.close();
      await queue.close();
    },
  };
}
