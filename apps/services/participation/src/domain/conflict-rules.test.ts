import type { RuleParams, RuleScope, RuleSeverity } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import type { ConflictContext, ConflictRule } from './conflict-rules';
import {
  evaluateConflictRules,
  resolveRuleHits,
  ruleInEffect,
  ruleInScope,
} from './conflict-rules';

const now = new Date('2026-11-24T12:00:00Z');
const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000);
const ids = {
  streamer: '00000000-0000-4000-8000-000000000001',
  otherStreamer: '00000000-0000-4000-8000-000000000002',
  cola: '00000000-0000-4000-8000-0000000000c1',
  pepsi: '00000000-0000-4000-8000-0000000000c2',
  chips: '00000000-0000-4000-8000-0000000000c3',
};
const everyone: RuleScope = { streamerIds: [], brandIds: [], categories: [], regions: [] };

function rule(params: RuleParams, overrides: Partial<ConflictRule> = {}): ConflictRule {
  return {
    id: `rule-${params.type}`,
    name: params.type,
    message: `Blocked by ${params.type}`,
    severity: 'blocking',
    params,
    scope: everyone,
    activeFrom: null,
    activeUntil: null,
    disabledAt: null,
    ...overrides,
  };
}

function context(overrides: Partial<ConflictContext> = {}): ConflictContext {
  return {
    streamer: { streamerId: ids.streamer, country: 'DE' },
    campaign: { campaignId: 'new', brandId: ids.cola, categories: ['fps'] },
    live: [],
    ended: [],
    ...overrides,
  };
}

const hitsOf = (rules: ConflictRule[], ctx: ConflictContext, at = now) =>
  evaluateConflictRules(rules, ctx, at).map((hit) => hit.ruleId);

describe('category exclusivity', () => {
  const shooters = rule({ type: 'category_exclusivity', categories: ['fps', 'battle_royale'] });

  it('hits when a live campaign already touches the categories', () => {
    const ctx = context({
      live: [{ campaignId: 'br', brandId: ids.chips, categories: ['battle_royale'] }],
    });
    const [hit] = evaluateConflictRules([shooters], ctx, now);
    expect(hit).toMatchObject({
      ruleId: shooters.id,
      severity: 'blocking',
      conflictingCampaignIds: ['br'],
    });
  });

  it('passes when the live campaigns are elsewhere, or the new campaign is outside the set', () => {
    expect(
      hitsOf(
        [shooters],
        context({ live: [{ campaignId: 'rpg', brandId: ids.chips, categories: ['rpg'] }] }),
      ),
    ).toEqual([]);
    const rpgCampaign = context({
      campaign: { campaignId: 'new', brandId: ids.cola, categories: ['rpg'] },
      live: [{ campaignId: 'br', brandId: ids.chips, categories: ['battle_royale'] }],
    });
    expect(hitsOf([shooters], rpgCampaign)).toEqual([]);
  });
});

describe('brand exclusivity', () => {
  const colaWars = rule({ type: 'brand_exclusivity', brandIds: [ids.cola, ids.pepsi] });

  it('hits when a competing brand is live', () => {
    const ctx = context({ live: [{ campaignId: 'p', brandId: ids.pepsi, categories: ['rpg'] }] });
    expect(hitsOf([colaWars], ctx)).toEqual([colaWars.id]);
  });

  it('passes for the same brand twice, or a brand outside the list', () => {
    expect(
      hitsOf(
        [colaWars],
        context({ live: [{ campaignId: 'c', brandId: ids.cola, categories: ['rpg'] }] }),
      ),
    ).toEqual([]);
    expect(
      hitsOf(
        [colaWars],
        context({ live: [{ campaignId: 'x', brandId: ids.chips, categories: ['rpg'] }] }),
      ),
    ).toEqual([]);
    const chipsJoining = context({
      campaign: { campaignId: 'new', brandId: ids.chips, categories: ['fps'] },
      live: [{ campaignId: 'p', brandId: ids.pepsi, categories: ['rpg'] }],
    });
    expect(hitsOf([colaWars], chipsJoining)).toEqual([]);
  });
});

describe('cool-down', () => {
  const byCategory = rule({
    type: 'cooldown',
    hours: 48,
    by: 'category',
    categories: [],
    brandIds: [],
  });
  const byBrand = rule({
    type: 'cooldown',
    hours: 24,
    by: 'brand',
    categories: [],
    brandIds: [ids.cola],
  });

  it('hits within the hours after a participation in the same category ended, and says until when', () => {
    const ctx = context({
      ended: [
        { campaignId: 'old', brandId: ids.chips, categories: ['fps'], endedAt: hoursAgo(10) },
      ],
    });
    const [hit] = evaluateConflictRules([byCategory], ctx, now);
    expect(hit?.until?.toISOString()).toBe(
      new Date(hoursAgo(10).getTime() + 48 * 3_600_000).toISOString(),
    );
  });

  it('passes once the hours are over, or for another category', () => {
    expect(
      hitsOf(
        [byCategory],
        context({
          ended: [
            { campaignId: 'old', brandId: ids.chips, categories: ['fps'], endedAt: hoursAgo(48) },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      hitsOf(
        [byCategory],
        context({
          ended: [
            { campaignId: 'old', brandId: ids.chips, categories: ['rpg'], endedAt: hoursAgo(1) },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('limited to some categories, ignores others', () => {
    const onlyRpg = rule({
      type: 'cooldown',
      hours: 48,
      by: 'category',
      categories: ['rpg'],
      brandIds: [],
    });
    expect(
      hitsOf(
        [onlyRpg],
        context({
          ended: [
            { campaignId: 'old', brandId: ids.chips, categories: ['fps'], endedAt: hoursAgo(1) },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('by brand: the same listed brand within the hours hits; another brand does not', () => {
    expect(
      hitsOf(
        [byBrand],
        context({
          ended: [
            { campaignId: 'old', brandId: ids.cola, categories: ['rpg'], endedAt: hoursAgo(2) },
          ],
        }),
      ),
    ).toEqual([byBrand.id]);
    expect(
      hitsOf(
        [byBrand],
        context({
          ended: [
            { campaignId: 'old', brandId: ids.pepsi, categories: ['fps'], endedAt: hoursAgo(2) },
          ],
        }),
      ),
    ).toEqual([]);
    const unlisted = context({
      campaign: { campaignId: 'new', brandId: ids.chips, categories: ['fps'] },
      ended: [{ campaignId: 'old', brandId: ids.chips, categories: ['fps'], endedAt: hoursAgo(2) }],
    });
    expect(hitsOf([byBrand], unlisted)).toEqual([]);
  });
});

describe('simultaneous limit', () => {
  const two = rule({ type: 'simultaneous_limit', max: 2 });
  const live = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      campaignId: `l${i}`,
      brandId: ids.chips,
      categories: ['rpg' as const],
    }));

  it('hits at the limit, passes below it', () => {
    expect(hitsOf([two], context({ live: live(1) }))).toEqual([]);
    expect(hitsOf([two], context({ live: live(2) }))).toEqual([two.id]);
  });
});

describe('scopes', () => {
  const limit = (scope: Partial<RuleScope>) =>
    rule({ type: 'simultaneous_limit', max: 1 }, { scope: { ...everyone, ...scope } });
  const busy = context({ live: [{ campaignId: 'l', brandId: ids.chips, categories: ['rpg'] }] });

  it.each([
    ['all lists empty', {}, true],
    ['the streamer listed', { streamerIds: [ids.streamer] }, true],
    ['another streamer listed', { streamerIds: [ids.otherStreamer] }, false],
    ['the campaign’s brand listed', { brandIds: [ids.cola] }, true],
    ['another brand listed', { brandIds: [ids.pepsi] }, false],
    ['one of the campaign’s categories', { categories: ['fps', 'moba'] }, true],
    ['other categories', { categories: ['moba'] }, false],
    ['the streamer’s country', { regions: ['DE', 'AT'] }, true],
    ['other countries', { regions: ['US'] }, false],
    [
      'every list matching',
      { streamerIds: [ids.streamer], brandIds: [ids.cola], categories: ['fps'], regions: ['DE'] },
      true,
    ],
    [
      'one list missing',
      { streamerIds: [ids.streamer], brandIds: [ids.cola], categories: ['fps'], regions: ['FR'] },
      false,
    ],
  ] as const)('%s → applies: %s', (_label, scope, applies) => {
    expect(ruleInScope({ ...everyone, ...scope } as RuleScope, busy)).toBe(applies);
    expect(hitsOf([limit(scope as Partial<RuleScope>)], busy).length).toBe(applies ? 1 : 0);
  });
});

describe('time windows and disabling', () => {
  const base = rule({ type: 'simultaneous_limit', max: 1 });
  const busy = context({ live: [{ campaignId: 'l', brandId: ids.chips, categories: ['rpg'] }] });

  it.each([
    ['no window', null, null, true],
    ['started, open-ended', hoursAgo(1), null, true],
    ['not started yet', new Date(now.getTime() + 1), null, false],
    ['starts exactly now', now, null, true],
    ['ended', null, now, false],
    ['ends later', null, new Date(now.getTime() + 1), true],
  ])('%s → in effect: %s', (_label, activeFrom, activeUntil, inEffect) => {
    const windowed = { ...base, activeFrom, activeUntil };
    expect(ruleInEffect(windowed, now)).toBe(inEffect);
    expect(hitsOf([windowed], busy).length).toBe(inEffect ? 1 : 0);
  });

  it('a disabled rule never applies', () => {
    expect(hitsOf([{ ...base, disabledAt: hoursAgo(1) }], busy)).toEqual([]);
  });
});

describe('severities', () => {
  const hit = (severity: RuleSeverity, ruleId = severity) => ({
    ruleId,
    ruleName: severity,
    type: 'simultaneous_limit' as const,
    severity,
    message: '',
    conflictingCampaignIds: ['x'],
  });
  const outcomes = (acknowledgeWarnings: boolean, overridden: string[] = []) =>
    resolveRuleHits([hit('blocking'), hit('warning'), hit('advisory')], {
      acknowledgeWarnings,
      overriddenRuleIds: new Set(overridden),
    }).map((resolved) => resolved.outcome);

  it('blocking refuses; warning refuses unless acknowledged; advisory is only logged', () => {
    expect(outcomes(false)).toEqual(['refused', 'refused', 'logged']);
    expect(outcomes(true)).toEqual(['refused', 'acknowledged', 'logged']);
  });

  it('an admin override lets a blocking rule pass; acknowledging never does', () => {
    expect(outcomes(true, ['blocking'])).toEqual(['overridden', 'acknowledged', 'logged']);
    expect(outcomes(false, ['warning'])).toEqual(['refused', 'refused', 'logged']);
  });
});
