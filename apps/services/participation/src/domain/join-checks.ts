import type {
  CampaignForParticipation,
  ContentCategory,
  ParticipationRefusalReason,
  ParticipationStatus,
  StreamerMatchingProfile,
} from '@gametriggers/contracts';
import { contentCategories, labelOf, targetingMismatches } from '@gametriggers/contracts';
import type { ConflictRule, ResolvedHit } from './conflict-rules';
import { evaluateConflictRules, resolveRuleHits } from './conflict-rules';
import type { EnergyRecord, EnergyState } from './energy';
import { energyStateOf } from './energy';
import type { GKeyRecord } from './gkeys';
import { availableKey, chooseKeyCategory, effectiveKey } from './gkeys';

export type JoinAttemptKind = 'join' | 'apply' | 'approve';

export interface EndedParticipationFacts {
  campaignId: string;
  brandId: string;
  categories: ContentCategory[];
  endedAt: Date;
}

export interface LiveParticipationFacts {
  campaignId: string;
  brandId: string;
  categories: ContentCategory[];
}

/** Everything the join checks look at, read fresh (and, for a real join, under row locks). */
export interface JoinFacts {
  attempt: JoinAttemptKind;
  campaign: CampaignForParticipation;
  /** Null: the streamer has not finished onboarding. */
  profile: StreamerMatchingProfile | null;
  /** Statuses of the streamer's earlier participations in this campaign (an approved one excluded). */
  earlierStatuses: ParticipationStatus[];
  /** Live participations of the campaign, for its maximum. */
  campaignLiveCount: number;
  keys: ReadonlyMap<string, GKeyRecord>;
  energy: EnergyRecord | null;
  /** Energy packs a day (the platform configuration's). */
  energyPacksPerDay: number;
  rules: readonly ConflictRule[];
  live: readonly LiveParticipationFacts[];
  ended: readonly EndedParticipationFacts[];
  /** Blocking rules an admin has overridden for this streamer and campaign (unused overrides). */
  overriddenRuleIds: ReadonlySet<string>;
  acknowledgeWarnings: boolean;
  now: Date;
}

export interface Blocker {
  reason: ParticipationRefusalReason;
  message: string;
  details: Record<string, unknown>;
}

export interface JoinEvaluation {
  blockers: Blocker[];
  /** Rule hits with what they mean for this attempt (refused / acknowledged / logged / overridden). */
  hits: ResolvedHit[];
  /** The key a success locks: its category, and the key as read (under lock, for a real join). */
  category: ContentCategory | null;
  key: GKeyRecord | null;
  /** Null while the streamer has no profile (no time zone). */
  energy: EnergyState | null;
}

const categoryLabel = (category: string) => labelOf(contentCategories, category);

function campaignActivity(campaign: CampaignForParticipation, now: Date): Blocker | null {
  const details = {
    status: campaign.status,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt.toISOString(),
  };
  const refuse = (message: string): Blocker => ({
    reason: 'campaign_not_active',
    message,
    details,
  });
  if (campaign.status !== 'active')
    return refuse(`This campaign is not running (it is ${campaign.status.replace('_', ' ')}).`);
  if (now < campaign.startsAt) return refuse('This campaign has not started yet.');
  if (now >= campaign.endsAt) return refuse('This campaign has ended.');
  if (campaign.remainingBudgetCents <= 0) return refuse('This campaign has spent its budget.');
  return null;
}

function joinModeMismatch(
  attempt: JoinAttemptKind,
  campaign: CampaignForParticipation,
): Blocker | null {
  const details = { joinMode: campaign.joinMode };
  if (attempt === 'join' && campaign.joinMode === 'approval') {
    return {
      reason: 'wrong_join_mode',
      message: 'This campaign takes applications: apply instead.',
      details,
    };
  }
  if (attempt === 'apply' && campaign.joinMode === 'open') {
    return {
      reason: 'wrong_join_mode',
      message: 'This campaign is open: join it directly.',
      details,
    };
  }
  return null;
}

function earlierParticipation(statuses: readonly ParticipationStatus[]): Blocker | null {
  if (statuses.some((status) => status === 'active' || status === 'paused')) {
    return { reason: 'already_joined', message: 'You are already in this campaign.', details: {} };
  }
  if (statuses.includes('pending')) {
    return {
      reason: 'application_pending',
      message: 'Your application to this campaign is waiting for the brand.',
      details: {},
    };
  }
  if (statuses.includes('removed')) {
    return {
      reason: 'removed_from_campaign',
      message: 'You were removed from this campaign and cannot join it again.',
      details: {},
    };
  }
  if (statuses.includes('rejected')) {
    return {
      reason: 'application_rejected',
      message: 'The brand declined your application to this campaign.',
      details: {},
    };
  }
  return null;
}

const criterionLabels = {
  profile: 'a finished streamer profile',
  category: 'one of its categories',
  language: 'its language',
  region: 'its regions',
  followers: 'its minimum followers',
  average_viewers: 'its minimum average viewers',
} as const;

function eligibility(
  campaign: CampaignForParticipation,
  profile: StreamerMatchingProfile | null,
): Blocker | null {
  const missed = profile ? targetingMismatches(campaign, profile) : (['profile'] as const);
  if (missed.length === 0) return null;
  return {
    reason: 'not_eligible',
    message: `This campaign is for streamers with ${missed.map((criterion) => criterionLabels[criterion]).join(', ')}.`,
    details: {
      criteria: missed,
      ...(profile
        ? {
            required: {
              categories: campaign.categories,
              languages: campaign.languages,
              regions: campaign.regions,
              minFollowers: campaign.minFollowers,
              minAverageViewers: campaign.minAverageViewers,
            },
          }
        : {}),
    },
  };
}

function keyView(key: GKeyRecord) {
  return {
    category: key.category,
    state: key.state,
    cooloffUntil: key.cooloffUntil?.toISOString() ?? null,
    campaignId: key.campaignId,
    campaignTitle: key.campaignTitle,
  };
}

function missingKey(
  facts: JoinFacts,
  profile: StreamerMatchingProfile,
): { blocker: Blocker | null; category: ContentCategory | null } {
  const { campaign, now } = facts;
  const keyOf = (category: string) => facts.keys.get(category) ?? availableKey(category);
  const category = chooseKeyCategory(
    campaign.categories,
    profile.categories,
    keyOf,
    campaign.brandId,
    now,
  );
  if (category) return { blocker: null, category };
  const held = campaign.categories
    .filter((candidate) => profile.categories.includes(candidate))
    .map((candidate) => effectiveKey(keyOf(candidate), now));
  // No shared category at all is a targeting miss, reported by the eligibility check.
  if (held.length === 0) return { blocker: null, category: null };
  const coolingOff = held
    .filter((key) => key.state === 'cooloff')
    .sort((a, b) => (a.cooloffUntil?.getTime() ?? 0) - (b.cooloffUntil?.getTime() ?? 0));
  const shown = coolingOff[0] ?? held[0]!;
  const message =
    shown.state === 'cooloff'
      ? `Your ${categoryLabel(shown.category)} G-Key is cooling off after "${shown.campaignTitle ?? 'another campaign'}" until ${shown.cooloffUntil!.toISOString()}.`
      : `Your ${categoryLabel(shown.category)} G-Key is in use by "${shown.campaignTitle ?? 'another campaign'}".`;
  return {
    category: null,
    blocker: { reason: 'no_key', message, details: { ...keyView(shown), keys: held.map(keyView) } },
  };
}

function conflictBlocker(hits: readonly ResolvedHit[]): Blocker | null {
  const refused = hits.filter((hit) => hit.outcome === 'refused');
  const hit = refused.find((candidate) => candidate.severity === 'blocking') ?? refused[0];
  if (!hit) return null;
  return {
    reason: 'conflict_rule',
    message:
      hit.severity === 'warning'
        ? `${hit.message} Acknowledge the warning to go ahead.`
        : hit.message,
    details: {
      ruleId: hit.ruleId,
      rule: hit.ruleName,
      type: hit.type,
      severity: hit.severity,
      message: hit.message,
      conflictingCampaignIds: hit.conflictingCampaignIds,
      ...(hit.until ? { until: hit.until.toISOString() } : {}),
      ...(hit.severity === 'warning' ? { acknowledgeable: true } : {}),
    },
  };
}

/**
 * Every join check, in the order a person should read the reasons, without consuming anything.
 * A join, application or approval goes ahead only with no blockers.
 */
export function evaluateJoin(facts: JoinFacts): JoinEvaluation {
  const { campaign, profile, now } = facts;
  const blockers: Blocker[] = [];
  const add = (blocker: Blocker | null) => {
    if (blocker) blockers.push(blocker);
  };

  add(campaignActivity(campaign, now));
  add(facts.attempt === 'approve' ? null : joinModeMismatch(facts.attempt, campaign));
  add(earlierParticipation(facts.earlierStatuses));
  add(eligibility(campaign, profile));
  if (campaign.maxParticipants !== null && facts.campaignLiveCount >= campaign.maxParticipants) {
    add({
      reason: 'campaign_full',
      message: `This campaign has reached its ${campaign.maxParticipants} participants.`,
      details: { maxParticipants: campaign.maxParticipants },
    });
  }

  let category: ContentCategory | null = null;
  let energy: EnergyState | null = null;
  let hits: ResolvedHit[] = [];
  if (profile) {
    const key = missingKey(facts, profile);
    category = key.category;
    add(key.blocker);

    energy = energyStateOf(facts.energy, now, profile.timezone, facts.energyPacksPerDay);
    if (energy.remaining <= 0) {
      add({
        reason: 'no_energy',
        message: `You have used today's ${energy.capacity} energy packs; they refill at your local midnight.`,
        details: {
          resetsAt: energy.resetsAt.toISOString(),
          timezone: energy.timezone,
          capacity: energy.capacity,
        },
      });
    }

    hits = resolveRuleHits(
      evaluateConflictRules(
        facts.rules,
        {
          streamer: { streamerId: profile.streamerId, country: profile.country },
          campaign: {
            campaignId: campaign.campaignId,
            brandId: campaign.brandId,
            categories: campaign.categories,
          },
          live: facts.live.filter((other) => other.campaignId !== campaign.campaignId),
          ended: facts.ended,
        },
        now,
      ),
      {
        acknowledgeWarnings: facts.acknowledgeWarnings,
        overriddenRuleIds: facts.overriddenRuleIds,
      },
    );
    add(conflictBlocker(hits));
  }
  const key = category ? (facts.keys.get(category) ?? availableKey(category)) : null;
  return { blockers, hits, category, key, energy };
}
