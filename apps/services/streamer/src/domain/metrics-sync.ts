import type { ConnectablePlatform } from '@gametriggers/contracts';
import { connectablePlatforms } from '@gametriggers/contracts';
import { PlatformAuthError } from '../platforms/platform-client';
import type { StreamerDeps } from './deps';
import { applyPlatformSnapshot } from './platform-snapshot';
import { withAccessToken } from './platform-tokens';

export type MetricsSyncOutcome = 'synced' | 'gone' | 'credentials_refused';

/**
 * Reads one connected channel's followers and live status and stores them. A refused refresh
 * token (the streamer revoked access) is reported, not retried; a platform outage throws so the
 * job retries.
 */
export async function syncPlatformMetrics(
  deps: StreamerDeps,
  platformId: string,
): Promise<MetricsSyncOutcome> {
  const row = await deps.db.streamerPlatform.findUnique({ where: { id: platformId } });
  if (!row || !(connectablePlatforms as readonly string[]).includes(row.platform)) return 'gone';
  const client = deps.platforms[row.platform as ConnectablePlatform];
  let snapshot;
  try {
    snapshot = await withAccessToken(deps, row, (accessToken) =>
      client.fetchSnapshot(accessToken, row.channelId),
    );
  } catch (error) {
    if (error instanceof PlatformAuthError) {
      deps.log.warn(
        { platformId, platform: row.platform, err: error.message },
        'platform refused our credentials',
      );
      return 'credentials_refused';
    }
    throw error;
  }
  const stillConnected = await deps.db.$transaction(async (tx) => {
    const current = await tx.streamerPlatform.findUnique({
      where: { id: platformId },
      select: { id: true },
    });
    if (!current) return false;
    await applyPlatformSnapshot(tx, {
      platformId,
      streamerId: row.streamerId,
      snapshot,
      now: deps.now(),
      syncIntervalMinutes: deps.syncIntervalMinutes,
    });
    return true;
  });
  return stillConnected ? 'synced' : 'gone';
}

/** Every channel the periodic sync should read. */
export async function syncablePlatformIds(deps: StreamerDeps): Promise<string[]> {
  const rows = await deps.db.streamerPlatform.findMany({
    where: { platform: { in: [...connectablePlatforms] } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
