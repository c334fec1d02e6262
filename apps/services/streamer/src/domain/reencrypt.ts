import type { StreamerDb } from '../database';
import type { StreamerPlatform } from '../generated/prisma/client';
import type { SecretBox } from './secret-box';
import { secretContext } from './secret-box';

const BATCH = 200;

type PlatformSecrets = Pick<
  StreamerPlatform,
  'id' | 'streamerId' | 'platform' | 'accessToken' | 'refreshToken'
>;

export interface ReencryptResult {
  payouts: number;
  platformTokens: number;
}

/**
 * Moves every secret not under the active key onto it (after adding a new key and making it
 * active), so the old key can be removed. Each row is rewritten only if it is unchanged since it
 * was read, so a concurrent update is never overwritten; re-running finishes what is left.
 */
export async function reencryptSecrets(
  db: StreamerDb,
  secrets: SecretBox,
): Promise<ReencryptResult> {
  const result: ReencryptResult = { payouts: 0, platformTokens: 0 };
  const stale = (envelope: string | null) =>
    envelope !== null && secrets.keyIdOf(envelope) !== secrets.activeKeyId;
  const reencrypt = (envelope: string, context: string) =>
    secrets.encrypt(secrets.decrypt(envelope, context), context);

  let afterStreamerId: string | undefined;
  for (;;) {
    const streamers = await db.streamer.findMany({
      where: {
        payoutDetails: { not: null },
        ...(afterStreamerId ? { id: { gt: afterStreamerId } } : {}),
      },
      select: { id: true, payoutDetails: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    for (const streamer of streamers) {
      if (!streamer.payoutDetails || !stale(streamer.payoutDetails)) continue;
      const moved = await db.streamer.updateMany({
        where: { id: streamer.id, payoutDetails: streamer.payoutDetails },
        data: {
          payoutDetails: reencrypt(
            streamer.payoutDetails,
            secretContext.payoutDetails(streamer.id),
          ),
        },
      });
      result.payouts += moved.count;
    }
    afterStreamerId = streamers.at(-1)?.id;
    if (streamers.length < BATCH) break;
  }

  let afterPlatformId: string | undefined;
  for (;;) {
    const platforms: PlatformSecrets[] = await db.streamerPlatform.findMany({
      where: afterPlatformId ? { id: { gt: afterPlatformId } } : {},
      select: { id: true, streamerId: true, platform: true, accessToken: true, refreshToken: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    for (const row of platforms) {
      if (!stale(row.accessToken) && !stale(row.refreshToken)) continue;
      const moved = await db.streamerPlatform.updateMany({
        where: { id: row.id, accessToken: row.accessToken, refreshToken: row.refreshToken },
        data: {
          accessToken: reencrypt(
            row.accessToken,
            secretContext.accessToken(row.streamerId, row.platform),
          ),
          refreshToken:
            row.refreshToken === null
              ? null
              : reencrypt(
                  row.refreshToken,
                  secretContext.refreshToken(row.streamerId, row.platform),
                ),
        },
      });
      result.platformTokens += moved.count;
    }
    afterPlatformId = platforms.at(-1)?.id;
    if (platforms.length < BATCH) break;
  }
  return result;
}
