import type { importStreamerProgressionInput } from '@gametriggers/contracts';
import type { EventEnvelope, SqlExecutor } from '@gametriggers/events';
import type { z } from 'zod';
import type { StreamerDb, StreamerTx } from '../database';
import type { ProgressionParticipation, StreamerProgression } from '../generated/prisma/client';
import type { StreamerDeps } from './deps';
import type { CalendarDay, ProgressionCounters } from './progression-rules';
import {
  calendarDays,
  earnsCompletion,
  experiencePoints,
  hourCountChange,
  importedStreakDays,
  levelProgress,
  localDayOf,
  progressionRules,
  removalCounter,
  reputationPoints,
  streakSummary,
  utcDayOf,
} from './progression-rules';
import { streamerNotFound } from './streamer-errors';

const asDate = (day: CalendarDay) => new Date(`${day}T00:00:00.000Z`);
const asCalendarDay = (date: Date): CalendarDay => date.toISOString().slice(0, 10);

const emptyCounters: ProgressionCounters = {
  countedImpressions: 0,
  completedCampaigns: 0,
  fraudRemovals: 0,
  violationRemovals: 0,
  importedExperience: 0,
  importedReputation: 0,
};

const countersOf = (progression: Partial<StreamerProgression>): ProgressionCounters => ({
  ...emptyCounters,
  ...progression,
  countedImpressions: Number(progression.countedImpressions ?? 0),
});

const completionStateOf = (participation: ProgressionParticipation) => ({
  ...participation,
  countedImpressions: Number(participation.countedImpressions),
});

/** The streamer's progression row, created if missing and locked: one change at a time per streamer. */
async function lockedProgression(tx: StreamerTx, streamerId: string) {
  await tx.$executeRaw`INSERT INTO "streamer_progressions" ("streamerId", "updatedAt")
    VALUES (${streamerId}::uuid, now()) ON CONFLICT DO NOTHING`;
  await tx.$queryRaw`SELECT 1 FROM "streamer_progressions" WHERE "streamerId" = ${streamerId}::uuid FOR UPDATE`;
}

/** Keeps the profile's reputation (brands' search filter) in step with the counters. */
async function syncReputation(tx: StreamerTx, streamerId: string) {
  const progression = await tx.streamerProgression.findUniqueOrThrow({ where: { streamerId } });
  await tx.streamer.update({
    where: { id: streamerId },
    data: { reputation: reputationPoints(countersOf(progression)) },
  });
}

const streamerTimezone = async (tx: StreamerTx, streamerId: string) =>
  (await tx.streamer.findUnique({ where: { id: streamerId }, select: { timezone: true } }))
    ?.timezone;

async function completedCampaign(tx: StreamerTx, campaignId: string) {
  return (await tx.progressionCompletedCampaign.count({ where: { campaignId } })) > 0;
}

async function creditCompletion(tx: StreamerTx, participation: ProgressionParticipation) {
  await tx.progressionParticipation.update({
    where: { participationId: participation.participationId },
    data: { completionCredited: true },
  });
  await tx.streamerProgression.update({
    where: { streamerId: participation.streamerId },
    data: { completedCampaigns: { increment: 1 } },
  });
  await syncReputation(tx, participation.streamerId);
}

type ParticipationRef = Pick<
  EventEnvelope<'participation.joined'>['payload'],
  'participationId' | 'streamerId' | 'campaignId'
>;

const knownParticipation = (tx: StreamerTx, ref: ParticipationRef) =>
  tx.progressionParticipation.upsert({
    where: { participationId: ref.participationId },
    create: {
      participationId: ref.participationId,
      streamerId: ref.streamerId,
      campaignId: ref.campaignId,
    },
    update: {},
  });

/**
 * Counted delivery of one participation hour: the impressions go to XP and to the streamer's local
 * day of the hour (its streak); a newer revision of the hour changes them by the difference.
 */
export async function applyHourCounted(
  event: EventEnvelope<'analytics.participation_hour_counted'>,
  sqlTx: SqlExecutor,
) {
  const tx = sqlTx as StreamerTx;
  const count = event.payload;
  const timezone = await streamerTimezone(tx, count.streamerId);
  if (!timezone) return;
  await lockedProgression(tx, count.streamerId);
  const hourStart = new Date(count.hourStart);
  const key = { participationId: count.participationId, hourStart };
  const stored = await tx.progressionHourCount.findUnique({
    where: { participationId_hourStart: key },
  });
  const change = hourCountChange(stored, count);
  if (change === null) return;
  const day = stored?.day ?? asDate(localDayOf(hourStart, timezone));
  await tx.progressionHourCount.upsert({
    where: { participationId_hourStart: key },
    create: {
      ...key,
      streamerId: count.streamerId,
      day,
      revision: count.revision,
      impressions: count.impressions,
    },
    update: { revision: count.revision, impressions: count.impressions },
  });
  await tx.streamerActivityDay.upsert({
    where: { streamerId_day: { streamerId: count.streamerId, day } },
    create: { streamerId: count.streamerId, day, countedImpressions: change },
    update: { countedImpressions: { increment: change } },
  });
  await tx.streamerProgression.update({
    where: { streamerId: count.streamerId },
    data: { countedImpressions: { increment: change } },
  });
  await knownParticipation(tx, count);
  const participation = await tx.progressionParticipation.update({
    where: { participationId: count.participationId },
    data: { countedImpressions: { increment: change } },
  });
  if (
    earnsCompletion(completionStateOf(participation)) &&
    (await completedCampaign(tx, count.campaignId))
  ) {
    await creditCompletion(tx, participation);
  }
}

/** A participation began (joined an open campaign, or approved): it may complete the campaign. */
export async function applyParticipationStarted(
  event: EventEnvelope<'participation.joined' | 'participation.approved'>,
  sqlTx: SqlExecutor,
) {
  await knownParticipation(sqlTx as StreamerTx, event.payload);
}

/** The streamer left the campaign: its completion no longer counts for them. */
export async function applyParticipationLeft(
  event: EventEnvelope<'participation.left'>,
  sqlTx: SqlExecutor,
) {
  const tx = sqlTx as StreamerTx;
  await knownParticipation(tx, event.payload);
  await tx.progressionParticipation.updateMany({
    where: { participationId: event.payload.participationId, status: 'active' },
    data: { status: 'left' },
  });
}

/** A removal: no completion for it, and a removal for fraud (or a violation) lowers reputation once. */
export async function applyParticipationRemoved(
  event: EventEnvelope<'participation.removed'>,
  sqlTx: SqlExecutor,
) {
  const tx = sqlTx as StreamerTx;
  const removal = event.payload;
  if (!(await streamerTimezone(tx, removal.streamerId))) return;
  await lockedProgression(tx, removal.streamerId);
  const before = await knownParticipation(tx, removal);
  if (before.status === 'removed') return;
  await tx.progressionParticipation.update({
    where: { participationId: removal.participationId },
    data: { status: 'removed' },
  });
  const counter = removalCounter(removal.reason);
  if (!counter) return;
  await tx.streamerProgression.update({
    where: { streamerId: removal.streamerId },
    data: { [counter]: { increment: 1 } },
  });
  await syncReputation(tx, removal.streamerId);
}

/** A campaign completed: each participant still in it with counted delivery earns its completion. */
export async function applyCampaignCompleted(
  event: EventEnvelope<'campaign.completed'>,
  sqlTx: SqlExecutor,
  now: Date,
) {
  const tx = sqlTx as StreamerTx;
  const { campaignId } = event.payload;
  await tx.progressionCompletedCampaign.upsert({
    where: { campaignId },
    create: { campaignId, completedAt: now },
    update: {},
  });
  // Delivery of the campaign may be counted meanwhile: each participation is read again under its
  // streamer's lock, which the counting of an hour holds too.
  const participations = await tx.progressionParticipation.findMany({
    where: { campaignId, status: 'active', completionCredited: false },
    select: { participationId: true, streamerId: true },
    orderBy: [{ streamerId: 'asc' }, { participationId: 'asc' }],
  });
  for (const { participationId, streamerId } of participations) {
    if (!(await streamerTimezone(tx, streamerId))) continue;
    await lockedProgression(tx, streamerId);
    const participation = await tx.progressionParticipation.findUniqueOrThrow({
      where: { participationId },
    });
    if (earnsCompletion(completionStateOf(participation)))
      await creditCompletion(tx, participation);
  }
}

type ImportInput = z.output<typeof importStreamerProgressionInput>;

/**
 * Sets what the old platform knew of a streamer's progression, replacing an earlier import (so the
 * importer may run again); what this platform's events earned stays as it is.
 */
export async function importProgression(deps: StreamerDeps, input: ImportInput) {
  await deps.db.$transaction(async (tx) => {
    if (!(await streamerTimezone(tx, input.streamerId))) throw streamerNotFound();
    await lockedProgression(tx, input.streamerId);
    await tx.streamerProgression.update({
      where: { streamerId: input.streamerId },
      data: {
        importedExperience: input.experiencePoints,
        importedLevel: input.level,
        importedReputation: input.reputationPoints,
        importedLongestStreak: Math.max(input.longestStreak, input.currentStreak),
        importedAt: deps.now(),
      },
    });
    await tx.streamerActivityDay.deleteMany({
      where: { streamerId: input.streamerId, imported: true, countedImpressions: 0 },
    });
    await tx.streamerActivityDay.updateMany({
      where: { streamerId: input.streamerId, imported: true },
      data: { imported: false },
    });
    const days = importedStreakDays({
      currentStreak: input.currentStreak,
      lastStreakDay: input.lastStreakDay ? utcDayOf(input.lastStreakDay) : null,
      history: input.streakDays.map(utcDayOf),
    }).map(asDate);
    await tx.streamerActivityDay.updateMany({
      where: { streamerId: input.streamerId, day: { in: days } },
      data: { imported: true },
    });
    await tx.streamerActivityDay.createMany({
      data: days.map((day) => ({ streamerId: input.streamerId, day, imported: true })),
      skipDuplicates: true,
    });
    await syncReputation(tx, input.streamerId);
  });
  const view = await progressionOf(deps, input.streamerId);
  if (!view) throw streamerNotFound();
  return view;
}

const countedDaysOf = async (db: StreamerDb, streamerId: string) =>
  (
    await db.streamerActivityDay.findMany({
      where: { streamerId, OR: [{ countedImpressions: { gt: 0 } }, { imported: true }] },
      select: { day: true },
    })
  ).map((row) => asCalendarDay(row.day));

/** A streamer's progression as the portal shows it, in the streamer's time zone; null before onboarding. */
export async function progressionOf(deps: StreamerDeps, streamerId: string) {
  const streamer = await deps.db.streamer.findUnique({
    where: { id: streamerId },
    select: { timezone: true },
  });
  if (!streamer) return null;
  const progression: Partial<StreamerProgression> =
    (await deps.db.streamerProgression.findUnique({ where: { streamerId } })) ?? {};
  const counters = countersOf(progression);
  const today = localDayOf(deps.now(), streamer.timezone);
  const counted = new Set(await countedDaysOf(deps.db, streamerId));
  const streak = streakSummary(counted, today, progression.importedLongestStreak ?? 0);
  return {
    streamerId,
    timezone: streamer.timezone,
    today,
    ...levelProgress(experiencePoints(counters), progression.importedLevel ?? 1),
    reputation: reputationPoints(counters),
    currentStreak: streak.current,
    longestStreak: streak.longest,
    countedToday: counted.has(today),
    completedCampaigns: counters.completedCampaigns,
    countedImpressions: counters.countedImpressions,
    calendar: calendarDays(today).map((day) => ({ day, counted: counted.has(day) })),
    rules: {
      countedImpressionsPerExperiencePoint: progressionRules.countedImpressionsPerExperiencePoint,
      experiencePerCompletedCampaign: progressionRules.experiencePerCompletedCampaign,
      reputationPerCompletedCampaign: progressionRules.reputationPerCompletedCampaign,
      reputationLostPerFraudRemoval: progressionRules.reputationLostPerFraudRemoval,
    },
  };
}
