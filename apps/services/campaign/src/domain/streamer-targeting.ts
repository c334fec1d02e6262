import type { StreamerTargetingProfile } from '@gametriggers/contracts';
import type { EventEnvelope, SqlExecutor } from '@gametriggers/events';
import type { CampaignDeps } from './deps';

type TargetingCopy = EventEnvelope<'streamer.targeting_changed'>['payload'];

/** Keeps a streamer's targeting unless the copy held is as new or newer (events can arrive late). */
async function storeStreamerTargeting(db: SqlExecutor, targeting: TargetingCopy): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "streamer_targeting"
       ("streamerId", "categories", "language", "country", "followers", "averageViewers", "version")
     VALUES ($1::uuid, $2::varchar(40)[], $3, $4, $5, $6, $7)
     ON CONFLICT ("streamerId") DO UPDATE SET
       "categories" = excluded."categories", "language" = excluded."language",
       "country" = excluded."country", "followers" = excluded."followers",
       "averageViewers" = excluded."averageViewers", "version" = excluded."version"
     WHERE "streamer_targeting"."version" < excluded."version"`,
    targeting.streamerId,
    targeting.categories,
    targeting.language,
    targeting.country,
    targeting.followers,
    targeting.averageViewers,
    targeting.version,
  );
}

export const applyStreamerTargetingChange = (
  event: EventEnvelope<'streamer.targeting_changed'>,
  tx: SqlExecutor,
) => storeStreamerTargeting(tx, event.payload);

/**
 * What discovery matches the streamer on: the copy kept here (one indexed read, no call), or on a
 * first miss the streamer service's answer, kept for next time. Null before onboarding. The copy
 * trails a change by the time its event takes to arrive (milliseconds); a join always checks the
 * streamer service's fresh profile, so a trailing copy can only show a campaign list a moment old.
 */
export async function streamerTargetingFor(
  deps: Pick<CampaignDeps, 'db' | 'streamers'>,
  streamerId: string,
): Promise<StreamerTargetingProfile | null> {
  const [kept] = await deps.db.$queryRaw<StreamerTargetingProfile[]>`
    SELECT "streamerId", "categories"::text[] AS "categories", "language", "country"::text AS "country",
           "followers", "averageViewers", "version"
    FROM "streamer_targeting" WHERE "streamerId" = ${streamerId}::uuid`;
  if (kept) return kept;
  const fetched = await deps.streamers.targetingProfile(streamerId);
  if (fetched) await storeStreamerTargeting(deps.db, fetched);
  return fetched;
}
