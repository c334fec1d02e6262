import type { ParticipationDb, ParticipationTx } from '../database';
import type { ResolvedHit } from './conflict-rules';
import type { EnergyRecord } from './energy';
import type { GKeyRecord } from './gkeys';
import type { JoinAttemptKind } from './join-checks';

/** Writes a key row the caller has locked (and so knows exists). */
export async function saveKey(tx: ParticipationTx, streamerId: string, key: GKeyRecord, now: Date) {
  await tx.gKey.update({
    where: { streamerId_category: { streamerId, category: key.category } },
    data: {
      state: key.state,
      campaignId: key.campaignId,
      campaignTitle: key.campaignTitle,
      brandId: key.brandId,
      participationId: key.participationId,
      cooloffUntil: key.cooloffUntil,
      updatedAt: now,
    },
  });
}

export async function saveEnergy(
  tx: ParticipationTx,
  streamerId: string,
  record: EnergyRecord,
  timezone: string,
  now: Date,
) {
  await tx.energyPack.update({
    where: { streamerId },
    data: { day: record.day, used: record.used, timezone, updatedAt: now },
  });
}

export interface RuleHitLog {
  hits: readonly ResolvedHit[];
  streamerId: string;
  campaignId: string;
  brandId: string;
  attempt: JoinAttemptKind;
  now: Date;
}

/** Every conflict-rule hit of an attempt, with its outcome, for the admins' violations list. */
export async function recordRuleHits(client: ParticipationDb | ParticipationTx, log: RuleHitLog) {
  if (log.hits.length === 0) return;
  await client.ruleViolation.createMany({
    data: log.hits.map((hit) => ({
      ruleId: hit.ruleId,
      streamerId: log.streamerId,
      campaignId: log.campaignId,
      brandId: log.brandId,
      severity: hit.severity,
      outcome: hit.outcome,
      attempt: log.attempt,
      message: hit.message,
      createdAt: log.now,
    })),
  });
}

/** An override lets the streamer into the campaign once: a successful admission uses it up. */
export async function useOverrides(tx: ParticipationTx, log: RuleHitLog) {
  const ruleIds = log.hits.filter((hit) => hit.outcome === 'overridden').map((hit) => hit.ruleId);
  if (ruleIds.length === 0) return;
  await tx.ruleViolation.updateMany({
    where: {
      streamerId: log.streamerId,
      campaignId: log.campaignId,
      ruleId: { in: ruleIds },
      overriddenAt: { not: null },
      overrideUsedAt: null,
    },
    data: { overrideUsedAt: log.now },
  });
}
