import { z } from 'zod';

const queueDepthOutput = z.object({
  queue: z.string(),
  waiting: z.number().int(),
  active: z.number().int(),
  failed: z.number().int(),
  delayed: z.number().int(),
});

export const healthOverviewOutput = z.object({
  checkedAt: z.date(),
  services: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['up', 'degraded', 'down']),
      latencyMs: z.number().int().nullable(),
      checks: z.record(z.string(), z.string()),
      error: z.string().nullable(),
      outbox: z
        .object({
          pending: z.number().int(),
          oldestPendingAt: z.date().nullable(),
          lagSeconds: z.number().int(),
        })
        .nullable(),
    }),
  ),
  queues: z.array(queueDepthOutput).nullable(),
  deadLetters: z.array(z.object({ service: z.string(), count: z.number().int() })).nullable(),
  queuesError: z.string().nullable(),
});
