import type { OverlayReport } from '@gametriggers/contracts';
import type { AnalyticsDb } from '../database';
import type { RefusalReason } from './traffic-rules';
import { refusalFor } from './traffic-rules';

/** One participation's creative that an overlay could not show, as of `failedAt`. */
export interface CreativeFailureRow {
  participationId: string;
  campaignId: string;
  streamerId: string;
  failedAt: Date;
}

/**
 * The `creative_failed` reports of one overlay as rows to record: the latest per participation.
 * A report without its campaign and participation, or naming another streamer's participation,
 * says nothing about this streamer's ads and is dropped; one with an implausible time is refused
 * like any report.
 */
export function creativeFailuresOf(
  streamerId: string,
  reports: OverlayReport[],
  owners: ReadonlyMap<string, string>,
  nowMs: number,
): { rows: CreativeFailureRow[]; refused: Array<{ id: string; reason: RefusalReason }> } {
  const latest = new Map<string, CreativeFailureRow>();
  const refused: Array<{ id: string; reason: RefusalReason }> = [];
  for (const report of reports) {
    const failedAt = new Date(report.at);
    const refusal = refusalFor(failedAt.getTime(), nowMs);
    if (refusal) {
      refused.push({ id: report.id, reason: refusal });
      continue;
    }
    const { participationId, campaignId } = report;
    if (!participationId || !campaignId) continue;
    const owner = owners.get(participationId);
    if (owner && owner !== streamerId) continue;
    const known = latest.get(participationId);
    if (!known || known.failedAt < failedAt) {
      latest.set(participationId, { participationId, campaignId, streamerId, failedAt });
    }
  }
  return { rows: [...latest.values()], refused };
}

/** Records the rows; a replayed or older report never moves a participation's time back. */
export async function recordCreativeFailures(db: AnalyticsDb, rows: CreativeFailureRow[]) {
  if (rows.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "creative_failures" ("participationId", "campaignId", "streamerId", "lastFailedAt")
    SELECT * FROM unnest(
      ${rows.map((row) => row.participationId)}::uuid[],
      ${rows.map((row) => row.campaignId)}::uuid[],
      ${rows.map((row) => row.streamerId)}::uuid[],
      ${rows.map((row) => row.failedAt)}::timestamptz[])
    ON CONFLICT ("participationId") DO UPDATE
      SET "lastFailedAt" = GREATEST("creative_failures"."lastFailedAt", EXCLUDED."lastFailedAt")`;
}
