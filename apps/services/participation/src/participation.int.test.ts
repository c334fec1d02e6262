import { failure } from '@gametriggers/testing';
import type { CampaignInput } from '@gametriggers/contracts';
import type { TestPerson } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceClient } from '@gametriggers/trpc';
import { endCampaignParticipations } from './domain/campaign-ended';
import type { ParticipationRouter } from './router';
import type { ParticipationStack } from './testing/participation-stack';
import { startParticipationStack } from './testing/participation-stack';

let stack: ParticipationStack;
const HOUR = 3_600_000;

beforeAll(async () => {
  stack = await startParticipationStack();
}, 120_000);
afterAll(() => stack?.close());

const usStreamer = {
  language: 'en',
  country: 'US',
  timezone: 'America/New_York',
  followers: 1_000,
  averageViewers: 50,
} as const;

async function streamerWith(
  label: string,
  categories: Parameters<ParticipationStack['onboarded']>[1]['categories'],
) {
  const person = stack.extra('streamer', label);
  await stack.onboarded(person, { ...usStreamer, categories });
  return person;
}

function campaign(brand: TestPerson, overrides: Partial<CampaignInput> = {}) {
  return stack.runningCampaign(brand, { regions: ['US'], ...overrides });
}

/** What a join could consume, as stored: to prove a refusal changed none of it. */
async function consumables(streamerId: string) {
  const db = stack.participation.db;
  const [energy, keys, participations] = await Promise.all([
    db.energyPack.findUnique({ where: { streamerId } }),
    db.gKey.findMany({ where: { streamerId }, orderBy: { category: 'asc' } }),
    db.participation.findMany({ where: { streamerId }, orderBy: { id: 'asc' } }),
  ]);
  return { energy, keys, participations };
}

async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const outboxTypes = async () =>
  (await stack.participation.db.outboxEvent.findMany({ orderBy: { occurredAt: 'asc' } })).map(
    (row) => row.type,
  );

describe('joining an open campaign', () => {
  it('locks the first of the campaign’s categories the streamer has, spends one energy, and tells the campaign service', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('joiner', ['fps', 'esports', 'rpg']);
    const running = await campaign(brandA, {
      categories: ['esports', 'fps'],
      title: 'Esports week',
    });
    const api = await stack.as(streamer);

    const before = await api.participation.eligibility.query({ campaignId: running.id });
    expect(before).toMatchObject({
      action: 'join',
      canProceed: true,
      blockers: [],
      category: 'esports',
      participation: null,
    });

    const joined = await api.participation.join.mutate({ campaignId: running.id });
    expect(joined.participation).toMatchObject({
      status: 'active',
      campaignId: running.id,
      brandId: brandA.userId,
      streamerId: streamer.userId,
      gkeyCategory: 'esports',
      campaignTitle: 'Esports week',
      streamer: { followers: 1_000, averageViewers: 50 },
    });
    expect(joined.energy).toMatchObject({
      used: 1,
      remaining: 9,
      capacity: 10,
      timezone: 'America/New_York',
    });

    const keys = await api.participation.keys.list.query();
    expect(keys).toHaveLength(18);
    expect(keys.find((key) => key.category === 'esports')).toMatchObject({
      state: 'locked',
      campaignId: running.id,
      campaignTitle: 'Esports week',
      participationId: joined.participation.id,
    });
    expect(keys.find((key) => key.category === 'fps')).toMatchObject({ state: 'available' });

    const energy = await api.participation.energy.get.query();
    expect(energy).toMatchObject({ used: 1, remaining: 9 });
    // Local midnight in New York is 05:00 or 04:00 UTC.
    expect([4, 5]).toContain(energy.resetsAt.getUTCHours());
    expect(energy.resetsAt.getUTCMinutes()).toBe(0);

    const after = await api.participation.eligibility.query({ campaignId: running.id });
    expect(after.canProceed).toBe(false);
    expect(after.blockers.map((blocker) => blocker.reason)).toEqual(['already_joined']);
    expect(after.participation).toEqual({ id: joined.participation.id, status: 'active' });

    expect(await outboxTypes()).toContain('participation.joined');
    const counted = await eventually(
      () => stack.campaigns.db.campaign.findUnique({ where: { id: running.id } }),
      (row) => row?.activeParticipantCount === 1,
    );
    expect(counted?.activeParticipantCount).toBe(1);
  });

  it('refuses with a clear reason and consumes nothing', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('refused', ['fps']);
    const api = await stack.as(streamer);
    const [open, approval, germanOnly] = await Promise.all([
      campaign(brandA, { categories: ['fps'] }),
      campaign(brandA, { categories: ['fps'], joinMode: 'approval' }),
      campaign(brandA, { categories: ['fps'], regions: ['DE'], minFollowers: 5_000 }),
    ]);
    await api.participation.join.mutate({ campaignId: open.id });
    const state = await consumables(streamer.userId);

    expect(await failure(api.participation.join.mutate({ campaignId: open.id }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'already_joined',
    });
    expect(await failure(api.participation.join.mutate({ campaignId: approval.id }))).toMatchObject(
      {
        code: 'PRECONDITION_FAILED',
        reason: 'wrong_join_mode',
      },
    );
    const ineligible = await failure(api.participation.join.mutate({ campaignId: germanOnly.id }));
    expect(ineligible).toMatchObject({ code: 'FORBIDDEN', reason: 'not_eligible' });
    expect(ineligible.details?.criteria).toEqual(['region', 'followers']);
    expect(await failure(api.participation.applyToCampaign.mutate({ campaignId: open.id }))).toMatchObject({
      reason: 'wrong_join_mode',
    });
    const missing = await failure(
      api.participation.join.mutate({ campaignId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', reason: 'campaign_not_found' });

    expect(await consumables(streamer.userId)).toEqual(state);
  });

  it('refuses a streamer who has not onboarded, creating nothing for them', async () => {
    const { brandA } = stack.cast;
    const newcomer = stack.extra('streamer', 'newcomer');
    const running = await campaign(brandA, { categories: ['fps'] });
    const refusal = await failure(
      (await stack.as(newcomer)).participation.join.mutate({ campaignId: running.id }),
    );
    expect(refusal).toMatchObject({ reason: 'not_eligible', details: { criteria: ['profile'] } });
    expect(await consumables(newcomer.userId)).toEqual({
      energy: null,
      keys: [],
      participations: [],
    });
  });

  it('refuses a full campaign', async () => {
    const { brandA } = stack.cast;
    const [first, second] = await Promise.all([
      streamerWith('first', ['fps']),
      streamerWith('second', ['fps']),
    ]);
    const running = await campaign(brandA, { categories: ['fps'], maxParticipants: 1 });
    await (await stack.as(first)).participation.join.mutate({ campaignId: running.id });
    const state = await consumables(second.userId);
    const full = await failure(
      (await stack.as(second)).participation.join.mutate({ campaignId: running.id }),
    );
    expect(full).toMatchObject({
      code: 'CONFLICT',
      reason: 'campaign_full',
      details: { maxParticipants: 1 },
    });
    expect(await consumables(second.userId)).toEqual(state);
  });
});

describe('G-Keys', () => {
  it('holds one live campaign per category; cool-off lets only the same brand back until it runs out', async () => {
    const { brandA, brandB } = stack.cast;
    const streamer = await streamerWith('keyholder', ['fps']);
    const api = await stack.as(streamer);
    const [ofA, otherOfA, ofB] = await Promise.all([
      campaign(brandA, { categories: ['fps'], gkeyCooloffHours: 2, title: 'A one' }),
      campaign(brandA, { categories: ['fps'], gkeyCooloffHours: 2, title: 'A two' }),
      campaign(brandB, { categories: ['fps'], gkeyCooloffHours: 2, title: 'B one' }),
    ]);

    const joined = await api.participation.join.mutate({ campaignId: ofA.id });
    const locked = await failure(api.participation.join.mutate({ campaignId: ofB.id }));
    expect(locked).toMatchObject({
      reason: 'no_key',
      details: { category: 'fps', state: 'locked', campaignId: ofA.id, campaignTitle: 'A one' },
    });

    const left = await api.participation.leave.mutate({ participationId: joined.participation.id });
    expect(left.status).toBe('left_early');
    const fps = (await api.participation.keys.list.query()).find((key) => key.category === 'fps');
    expect(fps).toMatchObject({ state: 'cooloff', campaignId: ofA.id, brandId: brandA.userId });
    expect(fps!.cooloffUntil!.getTime() - left.endedAt!.getTime()).toBe(2 * HOUR);

    const coolingOff = await failure(api.participation.join.mutate({ campaignId: ofB.id }));
    expect(coolingOff).toMatchObject({ reason: 'no_key', details: { state: 'cooloff' } });
    expect(coolingOff.details?.cooloffUntil).toBe(fps!.cooloffUntil!.toISOString());

    const sameBrand = await api.participation.join.mutate({ campaignId: otherOfA.id });
    expect(sameBrand.participation.gkeyCategory).toBe('fps');
    await api.participation.leave.mutate({ participationId: sameBrand.participation.id });

    stack.clock.advance(2 * HOUR + 1_000);
    const afterCooloff = await api.participation.join.mutate({ campaignId: ofB.id });
    expect(afterCooloff.participation).toMatchObject({
      status: 'active',
      gkeyCategory: 'fps',
      brandId: brandB.userId,
    });
    expect(afterCooloff.energy.used).toBe(3);
  });

  it('lets exactly one of 20 concurrent joins racing for the same key win; the losers consume nothing', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('racer', ['moba']);
    const api = await stack.as(streamer);
    const contested = await Promise.all(
      [1, 2, 3, 4].map((n) => campaign(brandA, { categories: ['moba'], title: `Race ${n}` })),
    );
    const attempts = Array.from({ length: 20 }, (_, i) => contested[i % contested.length]!);
    const results = await Promise.allSettled(
      attempts.map((target) => api.participation.join.mutate({ campaignId: target.id })),
    );

    const winners = results.filter((result) => result.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const losers = await Promise.all(
      results
        .filter((result): result is PromiseRejectedResult => result.status === 'rejected')
        .map((result) => failure(Promise.reject(result.reason as Error))),
    );
    expect(new Set(losers.map((loser) => loser.reason))).toEqual(
      new Set(['no_key', 'already_joined']),
    );

    const state = await consumables(streamer.userId);
    expect(state.energy).toMatchObject({ used: 1 });
    expect(state.participations).toHaveLength(1);
    expect(state.keys).toEqual([
      expect.objectContaining({
        category: 'moba',
        state: 'locked',
        participationId: state.participations[0]!.id,
      }),
    ]);
  });
});

describe('energy packs', () => {
  it('allows ten joins a local day, refuses the eleventh with the reset time, and refills at local midnight', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('energetic', ['rpg']);
    const api = await stack.as(streamer);
    const running = await campaign(brandA, { categories: ['rpg'], gkeyCooloffHours: 720 });

    let last = await api.participation.join.mutate({ campaignId: running.id });
    for (let n = 2; n <= 10; n += 1) {
      await api.participation.leave.mutate({ participationId: last.participation.id });
      // Leaving and rejoining the same brand's campaign during the cool-off is allowed.
      last = await api.participation.join.mutate({ campaignId: running.id });
      expect(last.energy.remaining).toBe(10 - n);
    }
    await api.participation.leave.mutate({ participationId: last.participation.id });
    const state = await consumables(streamer.userId);
    const tired = await failure(api.participation.join.mutate({ campaignId: running.id }));
    const energy = await api.participation.energy.get.query();
    expect(tired).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'no_energy' });
    expect(tired.details?.resetsAt).toBe(energy.resetsAt.toISOString());
    expect(energy).toMatchObject({ remaining: 0, used: 10 });
    expect(await consumables(streamer.userId)).toEqual(state);

    stack.clock.set(new Date(energy.resetsAt.getTime() + 1));
    expect(await api.participation.energy.get.query()).toMatchObject({ remaining: 10, used: 0 });
    const rested = await api.participation.join.mutate({ campaignId: running.id });
    expect(rested.energy).toMatchObject({ remaining: 9, used: 1 });
  });
});

describe('applications', () => {
  it('applies without consuming; approval re-runs the checks and then locks the key and spends energy', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('applicant', ['strategy']);
    const api = await stack.as(streamer);
    const brand = await stack.as(brandA);
    const [first, second] = await Promise.all([
      campaign(brandA, { categories: ['strategy'], joinMode: 'approval', title: 'Apply one' }),
      campaign(brandA, { categories: ['strategy'], joinMode: 'approval', title: 'Apply two' }),
    ]);
    expect(await api.participation.eligibility.query({ campaignId: first.id })).toMatchObject({
      action: 'apply',
      canProceed: true,
    });

    const applied = await api.participation.applyToCampaign.mutate({
      campaignId: first.id,
      message: 'Big strategy channel',
    });
    const appliedToo = await api.participation.applyToCampaign.mutate({ campaignId: second.id });
    expect(applied.participation).toMatchObject({
      status: 'pending',
      gkeyCategory: null,
      applicationMessage: 'Big strategy channel',
    });
    expect(applied.energy.remaining).toBe(10);
    expect(await failure(api.participation.applyToCampaign.mutate({ campaignId: first.id }))).toMatchObject({
      reason: 'application_pending',
    });
    const pendingState = await consumables(streamer.userId);
    expect(pendingState.energy).toBeNull();
    expect(pendingState.keys).toEqual([]);

    const applicants = await brand.participation.listForCampaign.query({
      campaignId: first.id,
      status: 'pending',
    });
    expect(applicants.items.map((item) => item.id)).toEqual([applied.participation.id]);

    const approved = await brand.participation.approve.mutate({
      participationId: applied.participation.id,
    });
    expect(approved).toMatchObject({ status: 'active', gkeyCategory: 'strategy' });
    expect(await api.participation.energy.get.query()).toMatchObject({ used: 1 });

    // The key is taken now: approving the second application is refused with the streamer's reason.
    const before = await consumables(streamer.userId);
    const refused = await failure(
      brand.participation.approve.mutate({ participationId: appliedToo.participation.id }),
    );
    expect(refused).toMatchObject({
      reason: 'no_key',
      details: { category: 'strategy', state: 'locked' },
    });
    expect(await consumables(streamer.userId)).toEqual(before);
    expect(
      await failure(
        brand.participation.approve.mutate({ participationId: applied.participation.id }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'not_pending',
    });

    const rejected = await brand.participation.reject.mutate({
      participationId: appliedToo.participation.id,
      reason: 'We picked another creator',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectionReason: 'We picked another creator',
    });
    expect(await failure(api.participation.applyToCampaign.mutate({ campaignId: second.id }))).toMatchObject({
      reason: 'application_rejected',
    });
    expect(await outboxTypes()).toEqual(
      expect.arrayContaining([
        'participation.applied',
        'participation.approved',
        'participation.rejected',
      ]),
    );
  });

  it('lets a streamer withdraw a pending application', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('withdrawer', ['sports']);
    const api = await stack.as(streamer);
    const running = await campaign(brandA, { categories: ['sports'], joinMode: 'approval' });
    const applied = await api.participation.applyToCampaign.mutate({ campaignId: running.id });
    const withdrawn = await api.participation.leave.mutate({
      participationId: applied.participation.id,
    });
    // Its own status, not the words of leaving a campaign (which starts a cool-off).
    expect(withdrawn.status).toBe('withdrawn');
    expect(await consumables(streamer.userId)).toMatchObject({ energy: null, keys: [] });
    await expect(api.participation.applyToCampaign.mutate({ campaignId: running.id })).resolves.toBeTruthy();
  });
});

describe('pausing, resuming, leaving and removal', () => {
  it('pauses and resumes the streamer’s own participation, refusing a second pause', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('pauser', ['racing']);
    const api = await stack.as(streamer);
    const running = await campaign(brandA, { categories: ['racing'] });
    const { participation } = await api.participation.join.mutate({ campaignId: running.id });

    const paused = await api.participation.pause.mutate({ participationId: participation.id });
    expect(paused).toMatchObject({ status: 'paused' });
    expect(paused.pausedAt).toBeInstanceOf(Date);
    expect(
      await failure(api.participation.pause.mutate({ participationId: participation.id })),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'wrong_status',
    });
    expect(
      await api.participation.resume.mutate({ participationId: participation.id }),
    ).toMatchObject({
      status: 'active',
      pausedAt: null,
    });
    const key = (await api.participation.keys.list.query()).find(
      (entry) => entry.category === 'racing',
    );
    expect(key?.state).toBe('locked');
    expect(await outboxTypes()).toEqual(
      expect.arrayContaining(['participation.paused', 'participation.resumed']),
    );
  });

  it('lets the brand remove a participant for its own decision only; the key cools off and there is no way back in', async () => {
    const { brandA, superAdmin } = stack.cast;
    const [streamer, other] = await Promise.all([
      streamerWith('removed', ['horror']),
      streamerWith('fraudster', ['horror']),
    ]);
    const running = await campaign(brandA, { categories: ['horror'], gkeyCooloffHours: 24 });
    const { participation } = await (
      await stack.as(streamer)
    ).participation.join.mutate({ campaignId: running.id });
    const brand = await stack.as(brandA);

    const overreach = await failure(
      brand.participation.remove.mutate({
        participationId: participation.id,
        reason: 'fraud',
        note: 'Looks fake',
        forfeitEarnings: true,
      }),
    );
    expect(overreach).toMatchObject({ code: 'FORBIDDEN', reason: 'reason_not_allowed' });

    const removed = await brand.participation.remove.mutate({
      participationId: participation.id,
      reason: 'brand_decision',
      note: 'Not a fit for our audience',
      forfeitEarnings: false,
    });
    expect(removed).toMatchObject({
      status: 'removed',
      removal: {
        reason: 'brand_decision',
        note: 'Not a fit for our audience',
        forfeitEarnings: false,
      },
    });
    const key = (await (await stack.as(streamer)).participation.keys.list.query()).find(
      (entry) => entry.category === 'horror',
    );
    expect(key).toMatchObject({ state: 'cooloff', brandId: brandA.userId });
    expect(
      await failure(
        (await stack.as(streamer)).participation.join.mutate({ campaignId: running.id }),
      ),
    ).toMatchObject({
      reason: 'removed_from_campaign',
    });

    const second = await (
      await stack.as(other)
    ).participation.join.mutate({ campaignId: running.id });
    const byAdmin = await (
      await stack.as(superAdmin)
    ).participation.remove.mutate({
      participationId: second.participation.id,
      reason: 'fraud',
      note: 'Botted viewers',
      forfeitEarnings: true,
    });
    expect(byAdmin.removal).toEqual({
      reason: 'fraud',
      note: 'Botted viewers',
      forfeitEarnings: true,
    });
    const event = await stack.participation.db.outboxEvent.findFirst({
      where: {
        type: 'participation.removed',
        payload: { path: ['participationId'], equals: second.participation.id },
      },
    });
    expect(event?.payload).toMatchObject({
      reason: 'fraud',
      forfeitEarnings: true,
      removedBy: superAdmin.userId,
    });
  });
});

describe('campaign completion', () => {
  it('completes live participations, starts their cool-off and declines open applications when the campaign ends', async () => {
    const { brandA } = stack.cast;
    const [member, applicant] = await Promise.all([
      streamerWith('member', ['indie']),
      streamerWith('late', ['indie']),
    ]);
    const [open, approval] = await Promise.all([
      campaign(brandA, { categories: ['indie'], gkeyCooloffHours: 48 }),
      campaign(brandA, { categories: ['indie'], joinMode: 'approval' }),
    ]);
    const joined = await (
      await stack.as(member)
    ).participation.join.mutate({ campaignId: open.id });
    const applied = await (
      await stack.as(applicant)
    ).participation.applyToCampaign.mutate({ campaignId: approval.id });

    const brandCampaigns = stack.campaigns.client(await stack.tokenFor(brandA));
    await brandCampaigns.campaign.end.mutate({ campaignId: open.id });
    await brandCampaigns.campaign.cancel.mutate({ campaignId: approval.id });

    const completed = await eventually(
      () =>
        stack.participation.db.participation.findUniqueOrThrow({
          where: { id: joined.participation.id },
        }),
      (row) => row.status === 'completed',
    );
    expect(completed.endedAt).toBeInstanceOf(Date);
    const key = await stack.participation.db.gKey.findUniqueOrThrow({
      where: { streamerId_category: { streamerId: member.userId, category: 'indie' } },
    });
    expect(key.state).toBe('cooloff');
    expect(key.cooloffUntil!.getTime() - completed.endedAt!.getTime()).toBe(48 * HOUR);
    await eventually(
      () =>
        stack.participation.db.participation.findUniqueOrThrow({
          where: { id: applied.participation.id },
        }),
      (row) => row.status === 'rejected',
    );

    // Handling the same ending again changes nothing.
    const again = await stack.participation.db.$transaction((tx) =>
      endCampaignParticipations(tx, open.id, 'completed', stack.clock.now()),
    );
    expect(again).toEqual({ completed: 0, declined: 0 });
  });
});

describe('conflict rules', () => {
  it('a warning refuses until acknowledged; both attempts are logged as violations', async () => {
    const { brandA, superAdmin } = stack.cast;
    const streamer = await streamerWith('busy', ['fighting', 'simulation']);
    const admin = await stack.as(superAdmin);
    const rule = await admin.participation.rules.create.mutate({
      name: 'One campaign at a time (warning)',
      message: 'You already run a campaign; two at once may dilute both.',
      severity: 'warning',
      params: { type: 'simultaneous_limit', max: 1 },
      scope: { streamerIds: [streamer.userId] },
    });
    expect(rule).toMatchObject({
      type: 'simultaneous_limit',
      inEffect: true,
      scope: { streamerIds: [streamer.userId], brandIds: [] },
    });
    const [first, second] = await Promise.all([
      campaign(brandA, { categories: ['fighting'] }),
      campaign(brandA, { categories: ['simulation'] }),
    ]);
    const api = await stack.as(streamer);
    await api.participation.join.mutate({ campaignId: first.id });

    const eligibility = await api.participation.eligibility.query({ campaignId: second.id });
    expect(eligibility).toMatchObject({
      canProceed: true,
      warnings: [{ ruleId: rule.id, severity: 'warning' }],
    });

    const state = await consumables(streamer.userId);
    const warned = await failure(api.participation.join.mutate({ campaignId: second.id }));
    expect(warned).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'conflict_rule',
      details: {
        ruleId: rule.id,
        rule: rule.name,
        severity: 'warning',
        message: rule.message,
        acknowledgeable: true,
      },
    });
    expect(await consumables(streamer.userId)).toEqual(state);

    stack.clock.advance(60_000);
    const joined = await api.participation.join.mutate({
      campaignId: second.id,
      acknowledgeWarnings: true,
    });
    expect(joined.warnings).toEqual([
      expect.objectContaining({ ruleId: rule.id, severity: 'warning' }),
    ]);

    const violations = await admin.participation.rules.violations.query({ ruleId: rule.id });
    expect(violations.items.map((violation) => violation.outcome)).toEqual([
      'acknowledged',
      'refused',
    ]);
    expect(violations.items[0]).toMatchObject({
      streamerId: streamer.userId,
      campaignId: second.id,
      severity: 'warning',
    });
  });

  it('a blocking rule refuses until an admin overrides that violation, once, for that campaign', async () => {
    const { brandA, brandB, superAdmin } = stack.cast;
    const streamer = await streamerWith('exclusive', ['fps', 'battle_royale', 'tech']);
    const admin = await stack.as(superAdmin);
    const rule = await admin.participation.rules.create.mutate({
      name: 'Shooter exclusivity',
      message: 'You may run only one shooter campaign at a time.',
      severity: 'blocking',
      params: { type: 'category_exclusivity', categories: ['fps', 'battle_royale'] },
      scope: { streamerIds: [streamer.userId] },
    });
    const [shooter, royale, otherRoyale] = await Promise.all([
      campaign(brandA, { categories: ['fps'] }),
      campaign(brandB, { categories: ['battle_royale'] }),
      campaign(brandB, { categories: ['battle_royale', 'tech'] }),
    ]);
    const api = await stack.as(streamer);
    await api.participation.join.mutate({ campaignId: shooter.id });

    const blocked = await failure(
      api.participation.join.mutate({ campaignId: royale.id, acknowledgeWarnings: true }),
    );
    expect(blocked).toMatchObject({
      reason: 'conflict_rule',
      details: { ruleId: rule.id, severity: 'blocking' },
    });
    const [violation] = (
      await admin.participation.rules.violations.query({ ruleId: rule.id, outcome: 'refused' })
    ).items;
    expect(violation).toMatchObject({ campaignId: royale.id, override: null });

    const overridden = await admin.participation.rules.override.mutate({
      violationId: violation!.id,
      note: 'Agreed with both brands',
    });
    expect(overridden.override).toMatchObject({
      by: superAdmin.userId,
      note: 'Agreed with both brands',
      usedAt: null,
    });
    expect(
      await failure(
        admin.participation.rules.override.mutate({ violationId: violation!.id, note: 'Again' }),
      ),
    ).toMatchObject({
      reason: 'already_overridden',
    });

    // The override is for that campaign only.
    expect(
      await failure(api.participation.join.mutate({ campaignId: otherRoyale.id })),
    ).toMatchObject({ reason: 'conflict_rule' });
    // Later than the refusal, so the list (newest first) has the overriding join on top.
    stack.clock.advance(60_000);
    const joined = await api.participation.join.mutate({ campaignId: royale.id });
    expect(joined.participation.status).toBe('active');
    const used = (
      await admin.participation.rules.violations.query({ ruleId: rule.id, campaignId: royale.id })
    ).items;
    expect(used.map((entry) => entry.outcome)).toEqual(['overridden', 'refused']);
    expect(used[1]?.override?.usedAt).toBeInstanceOf(Date);

    // Leaving and coming back needs a new override.
    await api.participation.leave.mutate({ participationId: joined.participation.id });
    expect(await failure(api.participation.join.mutate({ campaignId: royale.id }))).toMatchObject({
      reason: 'conflict_rule',
    });
  });

  it('advisory rules only log; rules outside their window or disabled do nothing', async () => {
    const { brandA, superAdmin } = stack.cast;
    const streamer = await streamerWith('advised', ['music', 'creative', 'irl']);
    const admin = await stack.as(superAdmin);
    const limit = { type: 'simultaneous_limit' as const, max: 1 };
    const advisory = await admin.participation.rules.create.mutate({
      name: 'Advisory limit',
      message: 'Several campaigns at once: keep an eye on quality.',
      severity: 'advisory',
      params: limit,
      scope: { streamerIds: [streamer.userId] },
    });
    const later = await admin.participation.rules.create.mutate({
      name: 'Holiday limit',
      message: 'Only one campaign over the holidays.',
      severity: 'blocking',
      params: limit,
      scope: { streamerIds: [streamer.userId] },
      activeFrom: new Date(stack.clock.now().getTime() + 30 * 24 * HOUR),
    });
    expect(later.inEffect).toBe(false);
    const disabled = await admin.participation.rules.create.mutate({
      name: 'Retired limit',
      message: 'Only one campaign at a time.',
      severity: 'blocking',
      params: limit,
      scope: { streamerIds: [streamer.userId] },
    });
    expect(
      (await admin.participation.rules.disable.mutate({ ruleId: disabled.id, reason: 'Out of date' })).disabledAt,
    ).toBeInstanceOf(Date);

    const running = await Promise.all(
      ['music', 'creative', 'irl'].map((category) =>
        campaign(brandA, { categories: [category as 'music'] }),
      ),
    );
    const api = await stack.as(streamer);
    for (const target of running) await api.participation.join.mutate({ campaignId: target.id });

    const logged = await admin.participation.rules.violations.query({
      streamerId: streamer.userId,
    });
    expect(logged.items.map((violation) => [violation.ruleId, violation.outcome])).toEqual([
      [advisory.id, 'logged'],
      [advisory.id, 'logged'],
    ]);
    const rules = await admin.participation.rules.list.query({ includeDisabled: false });
    expect(rules.map((rule) => rule.id)).not.toContain(disabled.id);

    const updated = await admin.participation.rules.update.mutate({
      ruleId: later.id,
      rule: {
        name: 'Holiday limit',
        message: 'Only one campaign over the holidays.',
        severity: 'warning',
        params: limit,
        scope: { streamerIds: [streamer.userId] },
      },
    });
    expect(updated).toMatchObject({ severity: 'warning', activeFrom: null, inEffect: true });
  });

  it('refuses invalid rules with field errors', async () => {
    const admin = await stack.as(stack.cast.superAdmin);
    const invalid = await failure(
      admin.participation.rules.create.mutate({
        name: 'x',
        message: 'Too short name',
        severity: 'blocking',
        params: { type: 'brand_exclusivity', brandIds: [stack.cast.brandA.userId] },
      }),
    );
    expect(invalid.code).toBe('BAD_REQUEST');
    expect(Object.keys(invalid.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['name', 'params.brandIds']),
    );
    const backwards = await failure(
      admin.participation.rules.create.mutate({
        name: 'Backwards window',
        message: 'Ends before it starts.',
        severity: 'advisory',
        params: { type: 'simultaneous_limit', max: 2 },
        activeFrom: new Date('2027-01-02'),
        activeUntil: new Date('2027-01-01'),
      }),
    );
    expect(backwards.fieldErrors).toEqual({ activeUntil: ['The window must end after it starts'] });
  });
});

describe('lists', () => {
  it('lists the streamer’s participations newest first by status, page by page', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('lister', ['retro', 'just_chatting', 'tech']);
    const api = await stack.as(streamer);
    const running = await Promise.all(
      (['retro', 'just_chatting', 'tech'] as const).map((category) =>
        campaign(brandA, { categories: [category] }),
      ),
    );
    const joined = [];
    for (const target of running) {
      stack.clock.advance(60_000);
      joined.push((await api.participation.join.mutate({ campaignId: target.id })).participation);
    }
    await api.participation.leave.mutate({ participationId: joined[0]!.id });

    const first = await api.participation.listMine.query({ limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual([joined[2]!.id, joined[1]!.id]);
    const rest = await api.participation.listMine.query({ limit: 2, cursor: first.nextCursor! });
    expect(rest).toMatchObject({
      items: [{ id: joined[0]!.id, status: 'left_early' }],
      nextCursor: null,
    });
    const active = await api.participation.listMine.query({ status: 'active' });
    expect(active.items.map((item) => item.id)).toEqual([joined[2]!.id, joined[1]!.id]);
    expect(await failure(api.participation.listMine.query({ cursor: 'nonsense' }))).toMatchObject({
      reason: 'invalid_cursor',
    });
  });

  it('lists every participation for campaign admins, narrowed by status, campaign, brand and streamer', async () => {
    const { brandA, brandB, superAdmin } = stack.cast;
    const streamer = await streamerWith('platform lister', ['retro', 'tech']);
    const api = await stack.as(streamer);
    const ofA = await campaign(brandA, { categories: ['retro'] });
    const ofB = await campaign(brandB, { categories: ['tech'] });
    stack.clock.advance(60_000);
    const inA = (await api.participation.join.mutate({ campaignId: ofA.id })).participation;
    stack.clock.advance(60_000);
    const inB = (await api.participation.join.mutate({ campaignId: ofB.id })).participation;
    await api.participation.leave.mutate({ participationId: inA.id });
    const admin = (await stack.as(superAdmin)).participation;

    const ids = async (input: Parameters<typeof admin.list.query>[0]) =>
      (await admin.list.query(input)).items.map((item) => item.id);
    expect(await ids({ streamerId: streamer.userId })).toEqual([inB.id, inA.id]);
    expect(await ids({ streamerId: streamer.userId, status: 'left_early' })).toEqual([inA.id]);
    expect(await ids({ campaignId: ofB.id })).toEqual([inB.id]);
    expect(await ids({ streamerId: streamer.userId, brandId: brandA.userId })).toEqual([inA.id]);
    const first = await admin.list.query({ streamerId: streamer.userId, limit: 1 });
    const rest = await admin.list.query({ streamerId: streamer.userId, limit: 1, cursor: first.nextCursor! });
    expect(rest).toMatchObject({ items: [{ id: inA.id, clickCode: null }], nextCursor: null });
  });
});

describe('click codes', () => {
  it('gives every participation its own code at join and application, in every event, seen only by its streamer', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('linker', ['horror', 'music']);
    const api = await stack.as(streamer);
    const brand = await stack.as(brandA);
    const [open, approval] = await Promise.all([
      campaign(brandA, { categories: ['horror'] }),
      campaign(brandA, { categories: ['music'], joinMode: 'approval' }),
    ]);
    const joined = (await api.participation.join.mutate({ campaignId: open.id })).participation;
    const applied = (await api.participation.applyToCampaign.mutate({ campaignId: approval.id }))
      .participation;
    const codeShape = /^[A-Za-z0-9_-]{16}$/;
    expect(joined.clickCode).toMatch(codeShape);
    expect(applied.clickCode).toMatch(codeShape);
    expect(joined.clickCode).not.toBe(applied.clickCode);

    // The code stays the same through approval and pause, and rides on every event.
    const approved = await brand.participation.approve.mutate({ participationId: applied.id });
    expect(approved.clickCode).toBeNull();
    await api.participation.pause.mutate({ participationId: joined.id });
    const events = await stack.participation.db.outboxEvent.findMany({
      where: { type: { startsWith: 'participation.' } },
    });
    const mine = events
      .map((row) => row.payload as { participationId: string; clickCode: string })
      .filter((payload) => [joined.id, applied.id].includes(payload.participationId));
    expect(mine.length).toBeGreaterThanOrEqual(4);
    for (const payload of mine) {
      expect(payload.clickCode).toBe(
        payload.participationId === joined.id ? joined.clickCode : applied.clickCode,
      );
    }

    // The streamer sees it everywhere; the brand and other streamers never do.
    expect((await api.participation.get.query({ participationId: joined.id })).clickCode).toBe(
      joined.clickCode,
    );
    const listed = await api.participation.listMine.query({});
    expect(listed.items.find((item) => item.id === applied.id)?.clickCode).toBe(applied.clickCode);
    expect((await brand.participation.get.query({ participationId: joined.id })).clickCode).toBeNull();
    const forCampaign = await brand.participation.listForCampaign.query({ campaignId: open.id });
    expect(forCampaign.items.map((item) => item.clickCode)).toEqual([null]);
    const stranger = await stack.as(await streamerWith('stranger', ['horror']));
    expect(
      await failure(stranger.participation.get.query({ participationId: joined.id })),
    ).toMatchObject({ reason: 'participation_not_found' });

    // The analytics service (a service, nobody else) looks a code up when it has no event for it.
    const internal = createServiceClient<ParticipationRouter>({
      url: stack.participation.url,
      secret: stack.participation.config.SERVICE_SECRET,
      caller: 'analytics-test',
    }).participation.internal.byClickCode;
    expect(await internal.query({ clickCode: joined.clickCode! })).toEqual({
      participationId: joined.id,
      campaignId: open.id,
      brandId: brandA.userId,
      streamerId: streamer.userId,
      clickCode: joined.clickCode,
      status: 'paused',
    });
    expect(await internal.query({ clickCode: 'nosuchcode123' })).toBeNull();
    for (const client of [api, brand]) {
      const refusal = await failure(
        client.participation.internal.byClickCode.query({ clickCode: joined.clickCode! }),
      );
      expect(['UNAUTHORIZED', 'FORBIDDEN']).toContain(refusal.code);
    }

    // The unique index backs the random codes up.
    await expect(
      stack.participation.db.participation.update({
        where: { id: applied.id },
        data: { clickCode: joined.clickCode! },
      }),
    ).rejects.toThrow();
  });
});
