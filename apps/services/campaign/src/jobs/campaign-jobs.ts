import { Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { redisConnection } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import { completeIfDue, launchIfDue } from '../domain/campaign-lifecycle';
import { sweepCampaigns } from '../domain/completion-sweep';
import type { CampaignDeps } from '../domain/deps';
import type { ScheduleJobData, ScheduleJobName } from './campaign-scheduler';
import { CAMPAIGN_SCHEDULE_QUEUE } from './campaign-scheduler';

export function createScheduleQueue(redisUrl: string, prefix: string) {
  return new Queue<ScheduleJobData, unknown, ScheduleJobName>(CAMPAIGN_SCHEDULE_QUEUE, {
    connection: redisConnection(redisUrl),
    prefix,
  });
}

/**
 * Runs start and end jobs and the repeatable auto-completion sweep. Every job re-reads the
 * campaign, so a stale or duplicated job does nothing.
 */
export async function startCampaignJobs(options: {
  deps: CampaignDeps;
  queue: Queue<ScheduleJobData, unknown, ScheduleJobName>;
  redisUrl: string;
  prefix: string;
  sweepEveryMs: number;
  log: Logger;
}) {
  const { deps, log } = options;
  await options.queue.upsertJobScheduler(
    'sweep',
    { every: options.sweepEveryMs },
    { name: 'sweep', data: {} },
  );
  const worker = new Worker<ScheduleJobData, unknown, ScheduleJobName>(
    CAMPAIGN_SCHEDULE_QUEUE,
    async (job: Job<ScheduleJobData, unknown, ScheduleJobName>) => {
      const campaignId = job.data.campaignId;
      if (job.name === 'sweep') return sweepCampaigns(deps);
      if (!campaignId) return null;
      return job.name === 'start' ? launchIfDue(deps, campaignId) : completeIfDue(deps, campaignId);
    },
    { connection: redisConnection(options.redisUrl), prefix: options.prefix, concurrency: 4 },
  );
  worker.on('failed', (job, error) =>
    log.error({ err: error, job: job?.name, jobId: job?.id }, 'campaign job failed'),
  );
  // BullMQ emits connection errors; unheard, they would crash the process.
  worker.on('error', (error) => log.error({ err: error }, 'campaign job worker error'));
  options.queue.on('error', (error) => log.error({ err: error }, 'campaign job queue error'));
  return {
    worker,
    async stop() {
      await worker.close();
      await options.queue.close();
    },
  };
}
