import type { StreamerTx } from '../database';
import type { PlatformSnapshot } from '../platforms/platform-client';
import { refreshStreamerAggregates } from './streamer-aggregates';

export const SAMPLE_WINDOW_DAYS = 30;
const DAY_MS = 24 * 3600_000;

/** Live samples closer together than half a sync interval are one observation, not two. */
export function shouldRecordSample(
  snapshot: Pick<PlatformSnapshot, 'live'>,
  lastSampledAt: Date | null,
  now: Date,
  syncIntervalMinutes: number,
): boolean {
  if (!snapshot.live) return false;
  return (
    !lastSampledAt || now.getTime() - lastSampledAt.getTime() >= (syncIntervalMinutes * 60_000) / 2
  );
}

/** Each live sample stands for one sync interval of streaming. */
export function monthlyHoursOf(sampleCount: number, syncIntervalMinutes: number): number {
  return Math.round((sampleCount * syncIntervalMinutes) / 60);
}

/**
 * Stores what a platform reported: followers, live status, a viewer sample while live, and the
 * averages over the last 30 days of samples; then the streamer's headline metrics (which announce a
 * change of live status). Samples older than the window are dropped.
 */
export async function applyPlatformSnapshot(
  tx: StreamerTx,
  input: {
    platformId: string;
    streamerId: string;
    snapshot: PlatformSnapshot;
    now: Date;
    syncIntervalMinutes: number;
  },
) {
  const { platformId, snapshot, now } = input;
  const windowStart = new Date(now.getTime() - SAMPLE_WINDOW_DAYS * DAY_MS);
  await tx.$queryRaw`SELECT 1 FROM "streamer_platforms" WHERE "id" = ${platformId}::uuid FOR UPDATE`;
  await tx.viewerSample.deleteMany({ where: { platformId, sampledAt: { lt: windowStart } } });
  const last = await tx.viewerSample.findFirst({
    where: { platformId },
    orderBy: { sampledAt: 'desc' },
    select: { sampledAt: true },
  });
  if (shouldRecordSample(snapshot, last?.sampledAt ?? null, now, input.syncIntervalMinutes)) {
    await tx.viewerSample.create({
      data: { platformId, viewers: snapshot.viewers, sampledAt: now },
    });
  }
  const samples = await tx.viewerSample.aggregate({
    where: { platformId, sampledAt: { gte: windowStart } },
    _avg: { viewers: true },
    _count: { _all: true },
  });
  await tx.streamerPlatform.update({
    where: { id: platformId },
    data: {
      followers: snapshot.followers,
      ...(snapshot.totalViews !== null ? { totalViews: BigInt(snapshot.totalViews) } : {}),
      live: snapshot.live,
      liveViewers: snapshot.live ? snapshot.viewers : 0,
      averageViewers: Math.round(samples._avg.viewers ?? 0),
      monthlyHours: monthlyHoursOf(samples._count._all, input.syncIntervalMinutes),
      lastSyncedAt: now,
    },
  });
  await refreshStreamerAggregates(tx, input.streamerId);
}
