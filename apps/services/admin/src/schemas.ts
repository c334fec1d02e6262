import { platformConfigSchema } from '@gametriggers/contracts';
import { z } from 'zod';

const json = z.json().nullable();

export const auditEntryOutput = z.object({
  sequence: z.string(),
  eventId: z.string(),
  actorId: z.string(),
  actorRole: z.string().nullable(),
  permission: z.string().nullable(),
  action: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  before: json,
  after: json,
  reason: z.string().nullable(),
  personal: z.record(z.string(), z.string()),
  personalErased: z.boolean(),
  requestId: z.string().nullable(),
  occurredAt: z.date(),
  recordedAt: z.date(),
  hash: z.string(),
});

export const auditLogPageOutput = z.object({
  items: z.array(auditEntryOutput),
  nextCursor: z.string().nullable(),
});

export const auditChainReportOutput = z.object({
  intact: z.boolean(),
  entriesChecked: z.number().int(),
  head: z.object({ sequence: z.string(), hash: z.string() }).nullable(),
  checkpointsChecked: z.number().int(),
  latestCheckpoint: z
    .object({ sequence: z.string(), hash: z.string(), signedAt: z.date(), keyId: z.string() })
    .nullable(),
  firstBroken: z
    .object({
      sequence: z.string(),
      eventId: z.string().nullable(),
      problem: z.string(),
      message: z.string(),
    })
    .nullable(),
});

// The stored values are checked when written; the output is the same object without re-refining.
const configValues = platformConfigSchema;

export const platformConfigOutput = z.object({
  version: z.number().int(),
  values: configValues,
  changedBy: z.string().nullable(),
  changedAt: z.date().nullable(),
});

export const platformConfigHistoryOutput = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      values: configValues,
      changedKeys: z.array(z.string()),
      changedBy: z.string(),
      changedAt: z.date(),
      reason: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
