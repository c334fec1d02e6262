import { redisConnection } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import { Queue, Worker } from 'bullmq';
import type { PaymentDeps } from '../deps';
import { matureEarnings } from '../money/earnings';

const QUEUE = 'payment-earnings-maturing';
const LOTS_PER_TRANSACTION = 500;

/** Matures every lot due by now, a transaction per batch; returns how many matured. */
export async function matureDueEarnings(
  deps: Pick<PaymentDeps, 'transaction' | 'now' | 'feeBps' | 'earningsHoldDays'>,
) {
  let total = 0;
  for (;;) {
    const matured = await deps.transaction((tx) => matureEarnings(tx, deps, LOTS_PER_TRANSACTION));
    total += matured;
    if (matured < LOTS_PER_TRANSACTION) return total;
  }
}

/** The repeatable job that moves earnings from pending to available once their hold has passed. */
export async function startEarningsMaturing(options: {
  deps: PaymentDeps;
  redisUrl: string;
  prefix: string;
  everyMs: number;
  log: Logger;
}) {
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue(QUEUE, { connection, prefix: options.prefix });
  await queue.upsertJobScheduler(
    'mature',
    { every: options.everyMs },
    { name: 'mature', data: {} },
  );
  const worker = new Worker(QUEUE, () => matureDueEarnings(options.deps), {
    connection,
    prefix: options.prefix,
    concurrency: 1,
  });
  worker.on('failed', (job, error) =>
    options.log.error({ err: error, jobId: job?.id }, 'earnings maturing failed'),
  );
  // BullMQ emits connection errors; unheard, they would crash the process.
  worker.on('error', (error) =>
    options.log.error({ err: error }, 'earnings maturing worker error'),
  );
  queue.on('error', (error) => options.log.error({ err: error }, 'earnings maturing queue error'));
  return {
    async stop() {
      await worker.close();
      await queue.close();
    },
  };
}
