import type { Queue } from 'bullmq';

export const CAMPAIGN_SCHEDULE_QUEUE = 'campaign-schedule';

export type ScheduleJobName = 'start' | 'end' | 'sweep';
export interface ScheduleJobData {
  campaignId?: string;
}

interface Window {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/** Job ids name the campaign and the moment, so scheduling the same moment twice is one job. */
export const startJobId = (window: Window) => `start-${window.id}-${window.startsAt.getTime()}`;
export const endJobId = (window: Window) => `end-${window.id}-${window.endsAt.getTime()}`;

/** Start and end of approved campaigns as delayed jobs, not only a periodic check. */
export interface CampaignScheduler {
  /** After approval or a change of start/end: one start and one end job at the new moments. */
  scheduleWindow(window: Window, previous?: Window): Promise<void>;
  /** After cancel or completion: no more start or end jobs. */
  unschedule(window: Window): Promise<void>;
}

export function createCampaignScheduler(
  queue: Queue<ScheduleJobData>,
  now: () => Date,
): CampaignScheduler {
  const delayUntil = (moment: Date) => Math.max(0, moment.getTime() - now().getTime());
  const remove = async (jobId: string) => {
    // A job that is running right now is locked; it re-reads the campaign, so leaving it is harmless.
    await queue.remove(jobId).catch(() => 0);
  };
  return {
    async scheduleWindow(window, previous) {
      if (previous && startJobId(previous) !== startJobId(window))
        await remove(startJobId(previous));
      if (previous && endJobId(previous) !== endJobId(window)) await remove(endJobId(previous));
      const options = {
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000 },
      };
      await queue.add(
        'start',
        { campaignId: window.id },
        { ...options, jobId: startJobId(window), delay: delayUntil(window.startsAt) },
      );
      await queue.add(
        'end',
        { campaignId: window.id },
        { ...options, jobId: endJobId(window), delay: delayUntil(window.endsAt) },
      );
    },
    async unschedule(window) {
      await remove(startJobId(window));
      await remove(endJobId(window));
    },
  };
}
