import type { CampaignForParticipation, StreamerMatchingProfile } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import type { ConflictRule } from './conflict-rules';
import type { GKeyRecord } from './gkeys';
import { availableKey, lockedKey } from './gkeys';
import type { JoinFacts } from './join-checks';
import { evaluateJoin } from './join-checks';

const now = new Date('2026-11-24T12:00:00Z');
const brandId = '00000000-0000-4000-8000-0000000000b1';
const otherBrand = '00000000-0000-4000-8000-0000000000b2';
const streamerId = '00000000-0000-4000-8000-0000000000a1';

const campaign: CampaignForParticipation = {
  campaignId: '00000000-0000-4000-8000-0000000000c1',
  brandId,
  title: 'Launch',
  status: 'active',
  joinMode: 'open',
  categories: ['fps', 'rpg'],
  languages: ['en'],
  regions: ['DE', 'US'],
  minFollowers: 100,
  minAverageViewers: 10,
  gkeyCooloffHours: 720,
  maxParticipants: null,
  remainingBudgetCents: 100_000,
  startsAt: new Date('2026-11-01T00:00:00Z'),
  endsAt: new Date('2026-12-31T00:00:00Z'),
};

const profile: StreamerMatchingProfile = {
  streamerId,
  displayName: 'Pixel Pat',
  categories: ['rpg', 'fps'],
  language: 'en',
  country: 'DE',
  timezone: 'Europe/Berlin',
  followers: 1000,
  averageViewers: 50,
  live: false,
};

function facts(overrides: Partial<JoinFacts> = {}): JoinFacts {
  return {
    attempt: 'join',
    campaign,
    profile,
    earlierStatuses: [],
    campaignLiveCount: 0,
    keys: new Map(),
    energy: null,
    energyPacksPerDay: 10,
    rules: [],
    live: [],
    ended: [],
    overriddenRuleIds: new Set(),
    acknowledgeWarnings: false,
    now,
    ...overrides,
  };
}

const reasons = (overrides: Partial<JoinFacts>) =>
  evaluateJoin(facts(overrides)).blockers.map((blocker) => blocker.reason);
const lockedBy = (category: string, holderBrand = otherBrand): GKeyRecord =>
  lockedKey(
    availableKey(category),
    {
      campaignId: 'other',
      campaignTitle: 'Other campaign',
      brandId: holderBrand,
      participationId: 'p',
    },
    now,
  );

describe('join checks', () => {
  it('passes a streamer who meets everything, choosing the key in campaign order', () => {
    const evaluation = evaluateJoin(facts());
    expect(evaluation.blockers).toEqual([]);
    expect(evaluation.category).toBe('fps');
    expect(evaluation.energy).toMatchObject({ remaining: 10 });
  });

  it.each<[string, Partial<CampaignForParticipation>]>([
    ['draft', { status: 'draft' }],
    ['paused', { status: 'paused' }],
    ['not started', { startsAt: new Date(now.getTime() + 1) }],
    ['ended', { endsAt: now }],
    ['budget spent', { remainingBudgetCents: 0 }],
  ])('refuses a campaign that is not running: %s', (_label, change) => {
    const [first] = evaluateJoin(facts({ campaign: { ...campaign, ...change } })).blockers;
    expect(first).toMatchObject({ reason: 'campaign_not_active' });
    expect(first?.details).toMatchObject({ status: change.status ?? 'active' });
  });

  it('refuses the wrong way in: join on an approval campaign, apply on an open one; approval skips it', () => {
    expect(reasons({ campaign: { ...campaign, joinMode: 'approval' } })).toEqual([
      'wrong_join_mode',
    ]);
    expect(reasons({ attempt: 'apply' })).toEqual(['wrong_join_mode']);
    expect(reasons({ attempt: 'apply', campaign: { ...campaign, joinMode: 'approval' } })).toEqual(
      [],
    );
    expect(
      reasons({ attempt: 'approve', campaign: { ...campaign, joinMode: 'approval' } }),
    ).toEqual([]);
  });

  it.each([
    [['active'], 'already_joined'],
    [['paused'], 'already_joined'],
    [['pending'], 'application_pending'],
    [['removed'], 'removed_from_campaign'],
    [['rejected'], 'application_rejected'],
  ] as const)('an earlier %s participation → %s', (statuses, reason) => {
    expect(reasons({ earlierStatuses: [...statuses] })).toContain(reason);
  });

  it('lets a streamer who left or completed come back', () => {
    expect(reasons({ earlierStatuses: ['left_early', 'completed'] })).toEqual([]);
  });

  it('names every targeting criterion missed', () => {
    const outsider = {
      ...profile,
      categories: ['moba' as const],
      language: 'de' as const,
      country: 'FR' as const,
      followers: 5,
      averageViewers: 1,
    };
    const [first] = evaluateJoin(facts({ profile: outsider })).blockers;
    expect(first).toMatchObject({ reason: 'not_eligible' });
    expect(first?.details.criteria).toEqual([
      'category',
      'language',
      'region',
      'followers',
      'average_viewers',
    ]);
  });

  it('refuses a streamer without a profile as not eligible, and checks nothing that needs one', () => {
    const evaluation = evaluateJoin(facts({ profile: null }));
    expect(evaluation.blockers.map((blocker) => blocker.reason)).toEqual(['not_eligible']);
    expect(evaluation.blockers[0]?.details.criteria).toEqual(['profile']);
    expect(evaluation.energy).toBeNull();
  });

  it('refuses a full campaign', () => {
    const full = { ...campaign, maxParticipants: 3 };
    expect(reasons({ campaign: full, campaignLiveCount: 3 })).toEqual(['campaign_full']);
    expect(reasons({ campaign: full, campaignLiveCount: 2 })).toEqual([]);
  });

  it('takes the next category when the first key is in use', () => {
    const evaluation = evaluateJoin(facts({ keys: new Map([['fps', lockedBy('fps')]]) }));
    expect(evaluation.blockers).toEqual([]);
    expect(evaluation.category).toBe('rpg');
  });

  it('refuses with no usable key, giving the key’s state and the soonest cool-off end', () => {
    const until = new Date(now.getTime() + 5 * 3_600_000);
    const coolingOff: GKeyRecord = { ...lockedBy('rpg'), state: 'cooloff', cooloffUntil: until };
    const [first] = evaluateJoin(
      facts({
        keys: new Map([
          ['fps', lockedBy('fps')],
          ['rpg', coolingOff],
        ]),
      }),
    ).blockers;
    expect(first).toMatchObject({ reason: 'no_key' });
    expect(first?.details).toMatchObject({
      category: 'rpg',
      state: 'cooloff',
      cooloffUntil: until.toISOString(),
    });
    expect(first?.details.keys).toHaveLength(2);
    expect(first?.message).toMatch(/RPG G-Key is cooling off/);
  });

  it('lets the same brand back during cool-off', () => {
    const coolingOff: GKeyRecord = {
      ...lockedBy('fps', brandId),
      state: 'cooloff',
      cooloffUntil: new Date(now.getTime() + 1000),
    };
    const only = { ...campaign, categories: ['fps' as const] };
    expect(
      evaluateJoin(facts({ campaign: only, keys: new Map([['fps', coolingOff]]) })).category,
    ).toBe('fps');
  });

  it('refuses with no energy left today, saying when it refills', () => {
    const [first] = evaluateJoin(facts({ energy: { day: '2026-11-24', used: 10 } })).blockers;
    expect(first).toMatchObject({
      reason: 'no_energy',
      details: { resetsAt: '2026-11-24T23:00:00.000Z' },
    });
    expect(reasons({ energy: { day: '2026-11-23', used: 10 } })).toEqual([]);
  });

  const limitRule = (severity: ConflictRule['severity']): ConflictRule => ({
    id: `limit-${severity}`,
    name: 'One at a time',
    message: 'Run one campaign at a time.',
    severity,
    params: { type: 'simultaneous_limit', max: 1 },
    scope: { streamerIds: [], brandIds: [], categories: [], regions: [] },
    activeFrom: null,
    activeUntil: null,
    disabledAt: null,
  });
  const busy = [{ campaignId: 'other', brandId: otherBrand, categories: ['moba' as const] }];

  it('refuses on a blocking conflict rule with the rule, severity and message', () => {
    const [first] = evaluateJoin(facts({ rules: [limitRule('blocking')], live: busy })).blockers;
    expect(first).toMatchObject({
      reason: 'conflict_rule',
      details: {
        rule: 'One at a time',
        severity: 'blocking',
        message: 'Run one campaign at a time.',
      },
    });
  });

  it('a warning refuses until acknowledged; an advisory never refuses', () => {
    expect(reasons({ rules: [limitRule('warning')], live: busy })).toEqual(['conflict_rule']);
    expect(
      reasons({ rules: [limitRule('warning')], live: busy, acknowledgeWarnings: true }),
    ).toEqual([]);
    const advisory = evaluateJoin(facts({ rules: [limitRule('advisory')], live: busy }));
    expect(advisory.blockers).toEqual([]);
    expect(advisory.hits.map((hit) => hit.outcome)).toEqual(['logged']);
  });

  it('an override lets the blocking rule pass and is reported as overridden', () => {
    const evaluation = evaluateJoin(
      facts({
        rules: [limitRule('blocking')],
        live: busy,
        overriddenRuleIds: new Set(['limit-blocking']),
      }),
    );
    expect(evaluation.blockers).toEqual([]);
    expect(evaluation.hits.map((hit) => hit.outcome)).toEqual(['overridden']);
  });

  it('does not count the campaign being joined as a conflicting live one', () => {
    const sameCampaign = [
      { campaignId: campaign.campaignId, brandId, categories: ['fps' as const] },
    ];
    expect(
      evaluateJoin(facts({ rules: [limitRule('blocking')], live: sameCampaign })).hits,
    ).toEqual([]);
  });

  it('lists every blocker, in reading order', () => {
    expect(
      reasons({
        campaign: { ...campaign, status: 'paused', maxParticipants: 1 },
        earlierStatuses: ['pending'],
        campaignLiveCount: 1,
        keys: new Map([
          ['fps', lockedBy('fps')],
          ['rpg', lockedBy('rpg')],
        ]),
        energy: { day: '2026-11-24', used: 10 },
        rules: [limitRule('blocking')],
        live: busy,
      }),
    ).toEqual([
      'campaign_not_active',
      'application_pending',
      'campaign_full',
      'no_key',
      'no_energy',
      'conflict_rule',
    ]);
  });
});
