import type {
  ContentCategory,
  Country,
  RuleParams,
  RuleScope,
  RuleSeverity,
  ViolationOutcome,
} from '@gametriggers/contracts';

export interface ConflictRule {
  id: string;
  name: string;
  message: string;
  severity: RuleSeverity;
  params: RuleParams;
  scope: RuleScope;
  activeFrom: Date | null;
  activeUntil: Date | null;
  disabledAt: Date | null;
}

interface CampaignFacts {
  campaignId: string;
  brandId: string;
  categories: readonly ContentCategory[];
}

/** What the rules look at: the campaign being joined and the streamer's other participations. */
export interface ConflictContext {
  streamer: { streamerId: string; country: Country };
  campaign: CampaignFacts;
  /** The streamer's live (active or paused) participations in other campaigns. */
  live: readonly CampaignFacts[];
  /** The streamer's participations that ended (completed, left early, removed), with when. */
  ended: ReadonlyArray<CampaignFacts & { endedAt: Date }>;
}

export interface RuleHit {
  ruleId: string;
  ruleName: string;
  type: RuleParams['type'];
  severity: RuleSeverity;
  message: string;
  /** The other campaigns that caused it. */
  conflictingCampaignIds: string[];
  /** For a cool-down: when it is over. */
  until?: Date;
}

export function ruleInEffect(rule: ConflictRule, now: Date): boolean {
  if (rule.disabledAt) return false;
  if (rule.activeFrom && now < rule.activeFrom) return false;
  if (rule.activeUntil && now >= rule.activeUntil) return false;
  return true;
}

const includesOrAll = <T>(list: readonly T[], value: T) =>
  list.length === 0 || list.includes(value);
const overlaps = <T>(a: readonly T[], b: readonly T[]) => a.some((item) => b.includes(item));

/** Empty scope lists mean "all"; regions are matched against the streamer's country. */
export function ruleInScope(scope: RuleScope, context: ConflictContext): boolean {
  return (
    includesOrAll(scope.streamerIds, context.streamer.streamerId) &&
    includesOrAll(scope.brandIds, context.campaign.brandId) &&
    (scope.categories.length === 0 || overlaps(scope.categories, context.campaign.categories)) &&
    includesOrAll(scope.regions, context.streamer.country)
  );
}

const HOUR_MS = 60 * 60_000;

/** The other campaigns that make `params` hit, and for a cool-down when the last one runs out. */
function conflictsOf(
  params: RuleParams,
  context: ConflictContext,
  now: Date,
): { campaignIds: string[]; until?: Date } {
  const { campaign } = context;
  switch (params.type) {
    case 'category_exclusivity': {
      if (!overlaps(campaign.categories, params.categories)) return { campaignIds: [] };
      const others = context.live.filter((other) => overlaps(other.categories, params.categories));
      return { campaignIds: others.map((other) => other.campaignId) };
    }
    case 'brand_exclusivity': {
      if (!params.brandIds.includes(campaign.brandId)) return { campaignIds: [] };
      const competitors = context.live.filter(
        (other) => other.brandId !== campaign.brandId && params.brandIds.includes(other.brandId),
      );
      return { campaignIds: competitors.map((other) => other.campaignId) };
    }
    case 'cooldown': {
      const since = now.getTime() - params.hours * HOUR_MS;
      const related = context.ended.filter((other) => {
        if (other.endedAt.getTime() <= since) return false;
        if (params.by === 'brand') {
          return (
            other.brandId === campaign.brandId && includesOrAll(params.brandIds, campaign.brandId)
          );
        }
        return other.categories.some(
          (category) =>
            campaign.categories.includes(category) && includesOrAll(params.categories, category),
        );
      });
      if (related.length === 0) return { campaignIds: [] };
      const lastEnd = Math.max(...related.map((other) => other.endedAt.getTime()));
      return {
        campaignIds: related.map((other) => other.campaignId),
        until: new Date(lastEnd + params.hours * HOUR_MS),
      };
    }
    case 'simultaneous_limit':
      return context.live.length >= params.max
        ? { campaignIds: context.live.map((other) => other.campaignId) }
        : { campaignIds: [] };
  }
}

/** Every rule in effect and in scope that this join would break. Pure; the caller decides and logs. */
export function evaluateConflictRules(
  rules: readonly ConflictRule[],
  context: ConflictContext,
  now: Date,
): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    if (!ruleInEffect(rule, now) || !ruleInScope(rule.scope, context)) continue;
    const conflict = conflictsOf(rule.params, context, now);
    if (conflict.campaignIds.length === 0) continue;
    hits.push({
      ruleId: rule.id,
      ruleName: rule.name,
      type: rule.params.type,
      severity: rule.severity,
      message: rule.message,
      conflictingCampaignIds: conflict.campaignIds,
      ...(conflict.until ? { until: conflict.until } : {}),
    });
  }
  return hits;
}

export interface ResolvedHit extends RuleHit {
  outcome: ViolationOutcome;
}

/**
 * What each hit means for this attempt: blocking refuses unless an admin overrode it for this
 * streamer and campaign; a warning refuses unless acknowledged; advisory is only logged.
 */
export function resolveRuleHits(
  hits: readonly RuleHit[],
  options: { acknowledgeWarnings: boolean; overriddenRuleIds: ReadonlySet<string> },
): ResolvedHit[] {
  return hits.map((hit) => {
    switch (hit.severity) {
      case 'blocking':
        return {
          ...hit,
          outcome: options.overriddenRuleIds.has(hit.ruleId) ? 'overridden' : 'refused',
        };
      case 'warning':
        return { ...hit, outcome: options.acknowledgeWarnings ? 'acknowledged' : 'refused' };
      case 'advisory':
        return { ...hit, outcome: 'logged' };
    }
  });
}
