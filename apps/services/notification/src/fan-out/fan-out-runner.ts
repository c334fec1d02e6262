import { randomUUID } from 'node:crypto';
import type { NotificationCategory } from '@gametriggers/contracts';
import type { EventPayload, EventType } from '@gametriggers/events';
import { redisConnection } from '@gametriggers/events';
import type { RealtimePublisher } from '@gametriggers/realtime';
import { userChannel } from '@gametriggers/realtime';
import type { Logger } from '@gametriggers/trpc';
import { Queue, Worker } from 'bullmq';
import type { NotificationDb } from '../database';
import type { FanOut } from '../generated/prisma/client';
import type { AudienceDirectory, AudienceQuery } from './audience-directory';
import type { Audience, AudienceRule } from './fan-out-rules';
import { audienceRuleOf } from './fan-out-rules';
import type { FanOutKey } from './fan-out-store';
import { pendingNotices, storeAudiencePage } from './fan-out-store';

export const FAN_OUT_QUEUE = 'notification-fan-out';

/** Where a run stands after a page is stored (tests stop a run there to prove it resumes). */
export interface FanOutProgress extends FanOutKey {
  pages: number;
  stored: number;
}

export interface FanOutOptions {
  db: NotificationDb;
  directory: AudienceDirectory;
  publisher: RealtimePublisher;
  now: () => Date;
  emailEnabled: boolean;
  /** Queues email deliveries once they are committed. */
  enqueueEmails: (deliveryIds: readonly string[]) => Promise<void>;
  /** Recipients read and stored per page (the audience services answer at most 1,000). */
  pageSize: number;
  /** `triggerBatch` calls in flight while pushing a page. */
  pushConcurrency?: number;
  log: Logger;
  /** Called after each page commits, before its live push: where a crash is the most awkward. */
  afterPageStored?: (progress: FanOutProgress) => void | Promise<void>;
}

export type FanOutOutcome = 'done' | 'skipped' | 'not_running' | 'taken_over';

const whereKey = (key: FanOutKey) => ({ eventId_category: { eventId: key.eventId, category: key.category } });

function ruleOf(row: FanOut): AudienceRule<EventType> {
  const rule = audienceRuleOf(row.eventType as EventType);
  if (!rule) throw new Error(`No audience rule for ${row.eventType}`);
  return rule;
}

/** Pushes a page's stored notifications (best effort: a failed batch is logged, the inbox has them). */
async function pushPending(options: FanOutOptions, row: FanOut): Promise<number> {
  const notices = await pendingNotices(options.db, row.pendingPush);
  const result = await options.publisher.publishBatch(
    'notification.created',
    notices.map(({ userId, ...notice }) => ({ channel: userChannel(userId), payload: notice })),
    { concurrency: options.pushConcurrency ?? 4 },
  );
  if (result.failed > 0) {
    options.log.error(
      { err: result.errors[0], eventId: row.eventId, failed: result.failed, published: result.published },
      'fan-out push failed in part',
    );
  }
  // Only the run that still holds the page clears it (a resumed one may have pushed it already).
  await options.db.fanOut.updateMany({
    where: { eventId: row.eventId, category: row.category, pages: row.pages },
    data: { pendingPush: [], pushed: { increment: result.published }, updatedAt: options.now() },
  });
  return result.published;
}

/**
 * Runs one fan-out to its end, a page at a time, from its checkpoint: push what the last page
 * stored, read the next page of the audience, store it and move the cursor in one transaction.
 * A run that dies anywhere resumes here: a page whose transaction did not commit is read again,
 * one that did is not; its push goes out on resume (at least once; the bell and the inbox dedupe
 * by notification id). Two runs of one fan-out never store a page twice: the page's transaction
 * locks the row and gives up when another run moved it.
 */
export async function runFanOut(options: FanOutOptions, key: FanOutKey): Promise<FanOutOutcome> {
  for (;;) {
    const row = await options.db.fanOut.findUnique({ where: whereKey(key) });
    if (row?.status !== 'running') return 'not_running';
    const rule = ruleOf(row);
    let query = row.query as AudienceQuery | null;
    if (!row.exhausted && !query) {
      query = await options.directory.resolve(row.audience as unknown as Audience);
      if (!query) {
        await options.db.fanOut.update({
          where: whereKey(key),
          data: { status: 'skipped', finishedAt: options.now(), updatedAt: options.now() },
        });
        return 'skipped';
      }
      await options.db.fanOut.update({
        where: whereKey(key),
        data: { query: query, updatedAt: options.now() },
      });
    }
    // The next page is read while the last one is pushed.
    const nextPage = row.exhausted || !query ? null : options.directory.page(query, row.cursor, options.pageSize);
    nextPage?.catch(() => undefined);
    if (row.pendingPush.length > 0) await pushPending(options, row);
    if (!nextPage) {
      await options.db.fanOut.update({
        where: whereKey(key),
        data: { status: 'done', finishedAt: options.now(), updatedAt: options.now() },
      });
      return 'done';
    }
    const page = await nextPage;
    const now = options.now();
    const text = rule.text(row.payload as EventPayload<EventType>);
    const stored = await options.db.$transaction(
      async (tx) => {
        const [current] = await tx.$queryRaw<Array<{ pages: number }>>`
          SELECT "pages" FROM "fan_outs" WHERE "eventId" = ${key.eventId}::uuid AND "category" = ${key.category} FOR UPDATE`;
        if (current?.pages !== row.pages) return null;
        const result = await storeAudiencePage(tx, {
          key,
          eventType: row.eventType,
          text,
          userIds: page.userIds,
          now,
          emailEnabled: options.emailEnabled,
        });
        await tx.fanOut.update({
          where: whereKey(key),
          data: {
            cursor: page.nextCursor,
            exhausted: page.nextCursor === null,
            pendingPush: result.inAppIds,
            pages: { increment: 1 },
            stored: { increment: result.stored },
            updatedAt: now,
          },
        });
        return result;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    if (!stored) return 'taken_over';
    await options.enqueueEmails(stored.emailDeliveryIds);
    await options.afterPageStored?.({ ...key, pages: row.pages + 1, stored: row.stored + stored.stored });
  }
}

/**
 * The fan-outs' BullMQ queue: one job per fan-out (its key the job's id), retried with backoff
 * when an audience service or the database fails; each attempt resumes from the checkpoint. Runs
 * left unfinished by a stop are queued again at start.
 */
export async function startFanOuts(options: FanOutOptions & { redisUrl: string; prefix: string }) {
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue<FanOutKey>(FAN_OUT_QUEUE, { connection, prefix: options.prefix });
  const worker = new Worker<FanOutKey>(
    FAN_OUT_QUEUE,
    async (job) => {
      const outcome = await runFanOut(options, job.data);
      options.log.info({ ...job.data, outcome }, 'fan-out finished');
    },
    { connection, prefix: options.prefix, concurrency: 1 },
  );
  worker.on('failed', (job, error) =>
    options.log.error({ err: error, ...job?.data, attempt: job?.attemptsMade }, 'fan-out attempt failed'),
  );
  worker.on('error', (error) => options.log.error({ err: error }, 'fan-out worker error'));

  async function enqueue(keys: readonly FanOutKey[], jobIdSuffix = '') {
    if (keys.length === 0) return;
    await queue.addBulk(
      keys.map((key) => ({
        name: 'fan-out',
        data: key,
        opts: {
          jobId: `fan-out-${key.eventId}-${key.category}${jobIdSuffix}`,
          attempts: 12,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  const unfinished = await options.db.fanOut.findMany({
    where: { status: 'running' },
    select: { eventId: true, category: true },
  });
  // A job of a process that died stays "active" in Redis until BullMQ finds it stalled: resume now
  // under a job id of this start. Should the old job still run elsewhere, one of the two gives up at
  // its next page (`taken_over`).
  await enqueue(
    unfinished.map((row) => ({ eventId: row.eventId, category: row.category as NotificationCategory })),
    `-resumed-${randomUUID()}`,
  );

  return {
    enqueue: (keys: readonly FanOutKey[]) => enqueue(keys),
    async stop() {
      await worker.close();
      await queue.close();
    },
  };
}
export type FanOuts = Awaited<ReturnType<typeof startFanOuts>>;
