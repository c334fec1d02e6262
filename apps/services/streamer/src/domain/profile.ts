import type {
  setStreamingScheduleInput,
  streamerContentSchema,
  streamerDemographicsSchema,
} from '@gametriggers/contracts';
import type { onboardStreamerInput, updateStreamerProfileInput } from '@gametriggers/contracts';
import { profileSubmittedColumns } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { z } from 'zod';
import type { StreamerTx } from '../database';
import type { StreamerDeps } from './deps';
import { changesPublicProfile, queueProfileForModeration } from './profile-moderation';
import { platformsByStreamer, streamerProfileView } from './profile-view';
import { refreshStreamerAggregates } from './streamer-aggregates';
import { notOnboarded } from './streamer-errors';
import { isUniqueViolation } from './unique-violation';

type Content = z.output<typeof streamerContentSchema>;
type Demographics = z.output<typeof streamerDemographicsSchema>;
type Schedule = z.output<typeof setStreamingScheduleInput>['schedule'];

function contentColumns(content: Content) {
  return {
    primaryCategory: content.primaryCategory,
    secondaryCategories: content.secondaryCategories,
    categories: [content.primaryCategory, ...content.secondaryCategories],
    language: content.language,
    rating: content.rating,
  };
}

function scheduleColumns(schedule: Schedule) {
  return {
    scheduleDays: schedule?.days ?? [],
    scheduleStartTime: schedule?.startTime ?? null,
    scheduleEndTime: schedule?.endTime ?? null,
  };
}

function demographicsColumns(demographics: Demographics) {
  return {
    country: demographics.country,
    timezone: demographics.timezone,
    ...scheduleColumns(demographics.streamingSchedule),
  };
}

/** The signed-in streamer's own profile (no secrets), or null before onboarding. */
export async function ownProfile(deps: StreamerDeps, streamerId: string) {
  const streamer = await deps.db.streamer.findUnique({ where: { id: streamerId } });
  if (!streamer) return null;
  const platforms = await deps.db.streamerPlatform.findMany({ where: { streamerId } });
  return streamerProfileView(streamer, platformsByStreamer(platforms).get(streamerId) ?? []);
}

/** Creates the streamer's profile; its public part goes to moderation in the same transaction. */
export async function onboardStreamer(
  deps: StreamerDeps,
  streamerId: string,
  profile: z.output<typeof onboardStreamerInput>,
) {
  const alreadyOnboarded = () =>
    new DomainError(
      'conflict',
      'already_onboarded',
      'You have already onboarded; change your details on your profile page.',
    );
  await deps.db
    .$transaction(async (tx) => {
      const existing = await tx.streamer.findUnique({
        where: { id: streamerId },
        select: { id: true },
      });
      if (existing) throw alreadyOnboarded();
      const now = deps.now();
      const created = await tx.streamer.create({
        data: {
          id: streamerId,
          displayName: profile.displayName,
          ...contentColumns(profile.content),
          ...demographicsColumns(profile.demographics),
          searchText: profile.displayName.toLowerCase(),
          ...profileSubmittedColumns(now),
        },
      });
      await queueProfileForModeration(tx, created, now);
      // Channels connected before onboarding count from the start.
      await refreshStreamerAggregates(tx, streamerId);
      await recordEvent(tx, 'streamer.onboarded', { streamerId, displayName: profile.displayName });
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? alreadyOnboarded() : error;
    });
  return requireProfile(deps, streamerId);
}

async function requireProfile(deps: StreamerDeps, streamerId: string) {
  const profile = await ownProfile(deps, streamerId);
  if (!profile) throw notOnboarded();
  return profile;
}

async function updateOwnStreamer(
  deps: StreamerDeps,
  streamerId: string,
  change: (tx: StreamerTx) => Promise<unknown>,
) {
  await deps.db.$transaction(async (tx) => {
    const existing = await tx.streamer.findUnique({
      where: { id: streamerId },
      select: { id: true },
    });
    if (!existing) throw notOnboarded();
    await change(tx);
    await refreshStreamerAggregates(tx, streamerId);
  });
  return requireProfile(deps, streamerId);
}

/** Replaces the given sections; a changed public profile goes to moderation again. */
export function updateProfile(
  deps: StreamerDeps,
  streamerId: string,
  update: z.output<typeof updateStreamerProfileInput>,
) {
  return updateOwnStreamer(deps, streamerId, async (tx) => {
    const now = deps.now();
    const before = await tx.streamer.findUniqueOrThrow({ where: { id: streamerId } });
    const columns = {
      ...(update.displayName !== undefined ? { displayName: update.displayName } : {}),
      ...(update.content ? contentColumns(update.content) : {}),
      ...(update.demographics ? demographicsColumns(update.demographics) : {}),
    };
    const resubmits = changesPublicProfile(before, { ...before, ...columns });
    const updated = await tx.streamer.update({
      where: { id: streamerId },
      data: { ...columns, ...(resubmits ? profileSubmittedColumns(now) : {}) },
    });
    if (resubmits) await queueProfileForModeration(tx, updated, now);
  });
}

export function setSchedule(deps: StreamerDeps, streamerId: string, schedule: Schedule) {
  return updateOwnStreamer(deps, streamerId, (tx) =>
    tx.streamer.update({ where: { id: streamerId }, data: scheduleColumns(schedule) }),
  );
}
