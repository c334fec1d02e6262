import type { QueueDepth } from '@gametriggers/events';
import { deadLetterServiceOf, queueDepths } from '@gametriggers/events';
import type { ServiceProbe } from './service-probe';
import { probeService } from './service-probe';

/** Where the health page looks, and how long it waits for each answer. */
export interface HealthSources {
  /** Service name → base URL. */
  services: Record<string, string>;
  redisUrl: string;
  queuePrefix: string;
  timeoutMs: number;
}

export interface ServiceHealth extends Omit<ServiceProbe, 'outbox'> {
  name: string;
  outbox: (NonNullable<ServiceProbe['outbox']> & { lagSeconds: number }) | null;
}

export interface HealthOverview {
  checkedAt: Date;
  services: ServiceHealth[];
  /** Every BullMQ queue but the dead letters; null when Redis did not answer. */
  queues: QueueDepth[] | null;
  deadLetters: Array<{ service: string; count: number }> | null;
  queuesError: string | null;
}

function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function queuesOf(sources: HealthSources) {
  try {
    const depths = await withinMs(
      queueDepths(sources.redisUrl, sources.queuePrefix),
      sources.timeoutMs,
    );
    const deadLetters = depths.flatMap((depth) => {
      const service = deadLetterServiceOf(depth.queue);
      return service ? [{ service, count: depth.waiting + depth.delayed }] : [];
    });
    const queues = depths.filter((depth) => deadLetterServiceOf(depth.queue) === null);
    return { queues, deadLetters, queuesError: null };
  } catch (error) {
    return { queues: null, deadLetters: null, queuesError: (error as Error).message };
  }
}

/**
 * Every service's readiness, latency and outbox lag, and every queue's depth, all at once; what
 * does not answer in time is reported as down, never as a failure of the page.
 */
export async function healthOverview(sources: HealthSources, now: Date): Promise<HealthOverview> {
  const [services, queues] = await Promise.all([
    Promise.all(
      Object.entries(sources.services).map(async ([name, url]): Promise<ServiceHealth> => {
        const probe = await probeService(url, sources.timeoutMs);
        const outbox = probe.outbox && {
          ...probe.outbox,
          lagSeconds: probe.outbox.oldestPendingAt
            ? Math.max(
                0,
                Math.round((now.getTime() - probe.outbox.oldestPendingAt.getTime()) / 1000),
              )
            : 0,
        };
        return { name, ...probe, outbox };
      }),
    ),
    queuesOf(sources),
  ]);
  return { checkedAt: now, services, ...queues };
}
