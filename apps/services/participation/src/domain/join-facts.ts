import type {
  CampaignForParticipation,
  ContentCategory,
  StreamerMatchingProfile,
} from '@gametriggers/contracts';
import type { ParticipationDb, ParticipationTx } from '../database';
import type { ConflictRule } from './conflict-rules';
import { ruleInEffect } from './conflict-rules';
import { localDateOf } from './local-day';
import type { GKeyRecord } from './gkeys';
import type { JoinAttemptKind, JoinFacts } from './join-checks';
import { lockCampaignSeats, lockKeys, lockStreamerEnergy } from './row-locks';
import { conflictRuleOf } from './rule-records';

export interface JoinFactsQuery {
  attempt: JoinAttemptKind;
  streamerId: string;
  campaign: CampaignForParticipation;
  profile: StreamerMatchingProfile | null;
  acknowledgeWarnings: boolean;
  /** The application being approved: not an "earlier" participation. */
  approvingParticipationId?: string;
  now: Date;
  energyPacksPerDay: number;
}

type Reader = ParticipationDb | ParticipationTx;

const HOUR_MS = 60 * 60_000;

function keyCategoriesOf(query: JoinFactsQuery): ContentCategory[] {
  const streamerCategories = query.profile?.categories ?? [];
  return query.campaign.categories.filter((category) => streamerCategories.includes(category));
}

/** The facts that do not need the streamer's rows locked (they are read after taking the locks). */
async function readParticipationFacts(reader: Reader, query: JoinFactsQuery) {
  const { streamerId, campaign, now } = query;
  const [mine, campaignLiveCount, ruleRows, overrides] = await Promise.all([
    // One read for both: the streamer's rows in this campaign and their live ones anywhere.
    reader.participation.findMany({
      where: {
        streamerId,
        OR: [{ campaignId: campaign.campaignId }, { status: { in: ['active', 'paused'] } }],
      },
      select: { id: true, status: true, campaignId: true, brandId: true, campaignCategories: true },
    }),
    campaign.maxParticipants === null
      ? Promise.resolve(0)
      : reader.participation.count({
          where: { campaignId: campaign.campaignId, status: { in: ['active', 'paused'] } },
        }),
    reader.conflictRule.findMany({ where: { disabledAt: null }, orderBy: { createdAt: 'asc' } }),
    reader.ruleViolation.findMany({
      where: {
        streamerId,
        campaignId: campaign.campaignId,
        overriddenAt: { not: null },
        overrideUsedAt: null,
      },
      select: { ruleId: true },
    }),
  ]);
  const rules: ConflictRule[] = ruleRows
    .map(conflictRuleOf)
    .filter((rule) => ruleInEffect(rule, now));
  const longestCooldownHours = Math.max(
    0,
    ...rules.map((rule) => (rule.params.type === 'cooldown' ? rule.params.hours : 0)),
  );
  const ended =
    longestCooldownHours === 0
      ? []
      : await reader.participation.findMany({
          where: {
            streamerId,
            status: { in: ['completed', 'left_early', 'removed'] },
            endedAt: { gt: new Date(now.getTime() - longestCooldownHours * HOUR_MS) },
          },
          select: { campaignId: true, brandId: true, campaignCategories: true, endedAt: true },
        });
  const earlier = mine.filter(
    (row) => row.campaignId === campaign.campaignId && row.id !== query.approvingParticipationId,
  );
  const live = mine.filter((row) => row.status === 'active' || row.status === 'paused');
  return {
    earlierStatuses: earlier.map((row) => row.status),
    campaignLiveCount,
    rules,
    live: live.map((row) => ({
      campaignId: row.campaignId,
      brandId: row.brandId,
      categories: row.campaignCategories as ContentCategory[],
    })),
    ended: ended.map((row) => ({
      campaignId: row.campaignId,
      brandId: row.brandId,
      categories: row.campaignCategories as ContentCategory[],
      endedAt: row.endedAt!,
    })),
    overriddenRuleIds: new Set(overrides.map((row) => row.ruleId)),
  };
}

function factsOf(
  query: JoinFactsQuery,
  keys: Map<string, GKeyRecord>,
  energy: JoinFacts['energy'],
  rest: Awaited<ReturnType<typeof readParticipationFacts>>,
): JoinFacts {
  return {
    attempt: query.attempt,
    campaign: query.campaign,
    profile: query.profile,
    acknowledgeWarnings: query.acknowledgeWarnings,
    now: query.now,
    energyPacksPerDay: query.energyPacksPerDay,
    keys,
    energy,
    ...rest,
  };
}

/**
 * For a real join or approval, inside its transaction: takes the streamer's energy row, key rows
 * and the campaign's seats lock first, then reads everything else, so nothing can change under it.
 */
export async function lockAndReadJoinFacts(
  tx: ParticipationTx,
  query: JoinFactsQuery,
): Promise<JoinFacts> {
  if (!query.profile) {
    return factsOf(query, new Map(), null, await readParticipationFacts(tx, query));
  }
  const energy = await lockStreamerEnergy(
    tx,
    query.streamerId,
    localDateOf(query.now, query.profile.timezone),
    query.profile.timezone,
  );
  const keys = await lockKeys(tx, query.streamerId, keyCategoriesOf(query));
  if (query.campaign.maxParticipants !== null)
    await lockCampaignSeats(tx, query.campaign.campaignId);
  return factsOf(query, keys, energy, await readParticipationFacts(tx, query));
}

/**
 * The same facts read without locks or writes: for the eligibility dry run, and for an application,
 * which consumes nothing (a duplicate racing past is stopped by the unique index).
 */
export async function readJoinFacts(reader: Reader, query: JoinFactsQuery): Promise<JoinFacts> {
  const [energy, keyRows, rest] = await Promise.all([
    reader.energyPack.findUnique({
      where: { streamerId: query.streamerId },
      select: { day: true, used: true },
    }),
    reader.gKey.findMany({
      where: { streamerId: query.streamerId, category: { in: keyCategoriesOf(query) } },
    }),
    readParticipationFacts(reader, query),
  ]);
  return factsOf(query, new Map(keyRows.map((row) => [row.category, row])), energy, rest);
}
