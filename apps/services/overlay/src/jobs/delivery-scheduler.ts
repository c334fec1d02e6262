import { redisConnection } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import { Queue, Worker } from 'bullmq';
import type { DeliveryTrigger, OverlayDeps } from '../domain/deps';
import { pruneAdShows } from '../domain/ad-show-retention';
import { runDeliveryCycle } from '../domain/delivery-cycle';

const QUEUE = 'overlay.delivery';
const PRUNE_JOB = 'prune-ad-shows';
const PRUNE_EVERY_MS = 6 * 3_600_000;

/** A step of one overlay's cycle, or (without an overlay) the repeatable retention job. */
interface CycleJob {
  overlayId?: string;
}

/**
 * Drives every overlay's cycle with delayed jobs: each step says when to look next, and that check
 * is a delayed job whose id is the overlay and the time, so however many events ask, an overlay has
 * one check per moment (each step decides from the database, so an extra check changes nothing).
 * Events and portal actions run a step at once.
 */
export function createDeliveryScheduler(options: {
  redisUrl: string;
  queuePrefix: string;
  log: Logger;
  /** The service's clock, which the cycle's "when to look next" is told on. */
  now: () => Date;
}) {
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue<CycleJob>(QUEUE, { connection, prefix: options.queuePrefix });
  // BullMQ emits connection errors; unheard, they would crash the process.
  queue.on('error', (error) => options.log.error({ err: error }, 'delivery queue error'));
  let worker: Worker<CycleJob> | undefined;
  let deps: OverlayDeps | undefined;
  // Set on stop: a step still finishing then schedules nothing on the closed queue.
  let stopped = false;

  async function checkAt(overlayId: string, at: Date) {
    if (stopped) return;
    const delay = Math.max(0, at.getTime() - options.now().getTime());
    await queue.add(
      'cycle',
      { overlayId },
      {
        jobId: `${overlayId}_${at.getTime()}`,
        delay,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: { age: 24 * 3600 },
      },
    );
  }

  async function step(overlayId: string) {
    if (!deps) throw new Error('The delivery scheduler has not started');
    const next = await runDeliveryCycle(deps, overlayId);
    if (next) await checkAt(overlayId, next);
  }

  const trigger: DeliveryTrigger = {
    async overlayChanged(overlayId) {
      if (stopped) return;
      try {
        await step(overlayId);
      } catch (error) {
        options.log.error(
          { err: error, overlayId },
          'delivery step failed; retrying from the queue',
        );
        await checkAt(overlayId, options.now()).catch(() => undefined);
      }
    },
    checkAt,
  };

  return {
    trigger,
    start(serviceDeps: OverlayDeps) {
      deps = serviceDeps;
      worker = new Worker<CycleJob>(
        QUEUE,
        async (job) => {
          if (job.name === PRUNE_JOB)
            return { deleted: await pruneAdShows(serviceDeps.db, serviceDeps.now()) };
          if (job.data.overlayId) await step(job.data.overlayId);
          return null;
        },
        { connection, prefix: options.queuePrefix, concurrency: 8 },
      );
      worker.on('error', (error) => options.log.error({ err: error }, 'delivery worker error'));
      queue
        .upsertJobScheduler(PRUNE_JOB, { every: PRUNE_EVERY_MS }, { name: PRUNE_JOB, data: {} })
        .catch((error: unknown) =>
          options.log.error({ err: error }, 'scheduling the ad retention job failed'),
        );
    },
    async stop() {
      stopped = true;
      await worker?.close();
      await queue.close();
    },
  };
}
