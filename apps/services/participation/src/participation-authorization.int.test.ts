import type { OnboardedStreamerOptions } from '@gametriggers/streamer-service/testing';
import type { TestPerson } from '@gametriggers/testing';
import { adminWith, checkAdminAuthorization, errorOf } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParticipationRouter } from './router';
import type { ParticipationHarness } from './testing/participation-harness';
import type { ParticipationStack } from './testing/participation-stack';
import { startParticipationStack } from './testing/participation-stack';

type Client = ReturnType<ParticipationHarness['client']>;
const callerNames = [
  'anonymous',
  'brandA',
  'brandB',
  'streamerA',
  'streamerB',
  'campaignAdmin',
  'powerlessAdmin',
] as const;
type CallerName = (typeof callerNames)[number];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

interface Fixtures {
  /** Open campaign both streamers joined. */
  shared: string;
  /** Open campaign nobody joined yet (for join). */
  fresh: string;
  /** Approval campaign nobody applied to yet (for applyToCampaign). */
  freshApproval: string;
  /** Brand A's campaign without participants (ownership via the campaign service). */
  empty: string;
  liveOfA: string;
  liveOfB: string;
  secondLiveOfA: string;
  applicationOfA: string;
  applicationOfB: string;
  ruleId: string;
  violationId: string;
}

let stack: ParticipationStack;
let clients: Record<CallerName, Client>;
let f: Fixtures;

beforeAll(async () => {
  stack = await startParticipationStack();
  const { brandA, brandB, streamerA, streamerB, powerlessAdmin } = stack.cast;
  const campaignAdmin = adminWith('canManageCampaigns');
  const people: Record<Exclude<CallerName, 'anonymous'>, TestPerson> = {
    brandA,
    brandB,
    streamerA,
    streamerB,
    campaignAdmin,
    powerlessAdmin,
  };
  clients = { anonymous: await stack.as() } as Record<CallerName, Client>;
  for (const [name, person] of Object.entries(people)) {
    clients[name as CallerName] = await stack.as(person);
  }

  const limited = stack.extra('streamer', 'limited');
  const profile: OnboardedStreamerOptions = {
    categories: ['fps', 'rpg', 'moba', 'esports'],
    language: 'en',
    country: 'US',
    followers: 1_000,
    averageViewers: 50,
  };
  await Promise.all([
    stack.onboarded(streamerA, profile),
    stack.onboarded(streamerB, profile),
    stack.onboarded(limited, profile),
  ]);
  const [shared, second, fresh, approval, freshApproval, empty] = await Promise.all([
    stack.runningCampaign(brandA, { categories: ['fps'] }),
    stack.runningCampaign(brandA, { categories: ['rpg'] }),
    stack.runningCampaign(brandA, { categories: ['esports'] }),
    stack.runningCampaign(brandA, { categories: ['moba'], joinMode: 'approval' }),
    stack.runningCampaign(brandA, { categories: ['moba'], joinMode: 'approval' }),
    stack.runningCampaign(brandA, { categories: ['esports'] }),
  ]);

  const asA = clients.streamerA.participation;
  const asB = clients.streamerB.participation;
  const liveOfA = await asA.join.mutate({ campaignId: shared.id });
  const liveOfB = await asB.join.mutate({ campaignId: shared.id });
  const secondLiveOfA = await asA.join.mutate({ campaignId: second.id });
  const applicationOfA = await asA.applyToCampaign.mutate({ campaignId: approval.id });
  const applicationOfB = await asB.applyToCampaign.mutate({ campaignId: approval.id });

  const admin = clients.campaignAdmin.participation;
  const rule = await admin.rules.create.mutate({
    name: 'One at a time',
    message: 'Run one campaign at a time.',
    severity: 'blocking',
    params: { type: 'simultaneous_limit', max: 1 },
    scope: { streamerIds: [limited.userId] },
  });
  const asLimited = (await stack.as(limited)).participation;
  await asLimited.join.mutate({ campaignId: shared.id });
  await asLimited.join.mutate({ campaignId: second.id }).catch(() => undefined);
  const [violation] = (await admin.rules.violations.query({ ruleId: rule.id })).items;

  f = {
    shared: shared.id,
    fresh: fresh.id,
    freshApproval: freshApproval.id,
    empty: empty.id,
    liveOfA: liveOfA.participation.id,
    liveOfB: liveOfB.participation.id,
    secondLiveOfA: secondLiveOfA.participation.id,
    applicationOfA: applicationOfA.participation.id,
    applicationOfB: applicationOfB.participation.id,
    ruleId: rule.id,
    violationId: violation!.id,
  };
}, 120_000);
afterAll(() => stack?.close());

const everyoneBut = (outcome: Outcome, allowed: Partial<Record<CallerName, Outcome>>) =>
  Object.fromEntries(
    callerNames.map((name) => [
      name,
      name === 'anonymous' ? 'UNAUTHORIZED' : (allowed[name] ?? outcome),
    ]),
  ) as Record<CallerName, Outcome>;

const streamersOnly = everyoneBut('FORBIDDEN', { streamerA: 'ok', streamerB: 'ok' });
const ownStreamerA = everyoneBut('FORBIDDEN', { streamerA: 'ok', streamerB: 'NOT_FOUND' });
const owningBrandA = everyoneBut('FORBIDDEN', { brandA: 'ok', brandB: 'NOT_FOUND' });
const campaignAdminsOnly = everyoneBut('FORBIDDEN', { campaignAdmin: 'ok' });
const sampleRule = {
  name: 'Matrix rule',
  message: 'Only for the authorization matrix.',
  severity: 'advisory' as const,
  params: { type: 'simultaneous_limit' as const, max: 5 },
  scope: { streamerIds: ['00000000-0000-4000-8000-000000000001'] },
};

/** Who gets what; a caller left out is covered by another row (a one-shot mutation allows one success). */
const matrix: Array<{
  name: string;
  call: (api: Client) => Promise<unknown>;
  expected: () => Partial<Record<CallerName, Outcome>>;
}> = [
  {
    name: 'join',
    call: (api) => api.participation.join.mutate({ campaignId: f.fresh }),
    expected: () => streamersOnly,
  },
  {
    name: 'applyToCampaign',
    call: (api) => api.participation.applyToCampaign.mutate({ campaignId: f.freshApproval }),
    expected: () => streamersOnly,
  },
  {
    name: 'eligibility',
    call: (api) => api.participation.eligibility.query({ campaignId: f.shared }),
    expected: () => streamersOnly,
  },
  {
    name: 'standings',
    call: (api) => api.participation.standings.query({ campaignIds: [f.shared, f.fresh] }),
    expected: () => streamersOnly,
  },
  {
    name: 'keys.list',
    call: (api) => api.participation.keys.list.query(),
    expected: () => streamersOnly,
  },
  {
    name: 'energy.get',
    call: (api) => api.participation.energy.get.query(),
    expected: () => streamersOnly,
  },
  {
    name: 'listMine',
    call: (api) => api.participation.listMine.query({}),
    expected: () => streamersOnly,
  },
  {
    name: 'approve',
    call: (api) => api.participation.approve.mutate({ participationId: f.applicationOfA }),
    expected: () => owningBrandA,
  },
  {
    name: 'reject',
    call: (api) =>
      api.participation.reject.mutate({
        participationId: f.applicationOfB,
        reason: 'Not this time',
      }),
    expected: () => owningBrandA,
  },
  {
    name: 'pause',
    call: (api) => api.participation.pause.mutate({ participationId: f.liveOfA }),
    expected: () => ownStreamerA,
  },
  {
    name: 'resume',
    call: (api) => api.participation.resume.mutate({ participationId: f.liveOfA }),
    expected: () => ownStreamerA,
  },
  {
    name: 'get',
    call: (api) => api.participation.get.query({ participationId: f.liveOfA }),
    expected: () =>
      everyoneBut('NOT_FOUND', { streamerA: 'ok', brandA: 'ok', campaignAdmin: 'ok' }),
  },
  {
    name: 'listForCampaign',
    call: (api) => api.participation.listForCampaign.query({ campaignId: f.shared }),
    expected: () =>
      everyoneBut('FORBIDDEN', { brandA: 'ok', brandB: 'NOT_FOUND', campaignAdmin: 'ok' }),
  },
  {
    name: 'listForCampaign (no participants yet)',
    call: (api) => api.participation.listForCampaign.query({ campaignId: f.empty }),
    expected: () =>
      everyoneBut('FORBIDDEN', { brandA: 'ok', brandB: 'NOT_FOUND', campaignAdmin: 'ok' }),
  },
  {
    name: 'remove (brand decision)',
    call: (api) =>
      api.participation.remove.mutate({
        participationId: f.liveOfB,
        reason: 'brand_decision',
        note: 'Not a fit',
        forfeitEarnings: false,
      }),
    // A campaign admin may remove too: that is the next row.
    expected: () => {
      const { campaignAdmin: _coveredBelow, ...others } = owningBrandA;
      return others;
    },
  },
  {
    name: 'remove (fraud)',
    call: (api) =>
      api.participation.remove.mutate({
        participationId: f.secondLiveOfA,
        reason: 'fraud',
        note: 'Botted viewers',
        forfeitEarnings: true,
      }),
    expected: () => campaignAdminsOnly,
  },
  {
    name: 'leave',
    call: (api) => api.participation.leave.mutate({ participationId: f.liveOfA }),
    expected: () => ownStreamerA,
  },
  {
    name: 'rules.list',
    call: (api) => api.participation.rules.list.query({}),
    expected: () => campaignAdminsOnly,
  },
  {
    name: 'rules.create',
    call: (api) => api.participation.rules.create.mutate(sampleRule),
    expected: () => campaignAdminsOnly,
  },
  {
    name: 'rules.update',
    call: (api) =>
      api.participation.rules.update.mutate({
        ruleId: f.ruleId,
        rule: { ...sampleRule, name: 'One at a time' },
      }),
    expected: () => campaignAdminsOnly,
  },
  {
    name: 'list (every participation)',
    call: (api) => api.participation.list.query({}),
    expected: () => campaignAdminsOnly,
  },
  {
    name: 'rules.violations',
    call: (api) => api.participation.rules.violations.query({}),
    expected: () => campaignAdminsOnly,
  },
  {
    name: 'rules.override',
    call: (api) =>
      api.participation.rules.override.mutate({ violationId: f.violationId, note: 'Agreed' }),
    expected: () => campaignAdminsOnly,
  },
  {
    name: 'internal.campaignStreamers (services only)',
    call: (api) =>
      api.participation.internal.campaignStreamers.query({ campaignId: f.shared, statuses: ['active'] }),
    expected: () => everyoneBut('FORBIDDEN', {}),
  },
  {
    name: 'rules.disable',
    call: (api) => api.participation.rules.disable.mutate({ ruleId: f.ruleId, reason: 'Matrix check' }),
    expected: () => campaignAdminsOnly,
  },
];

async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return errorOf(error).code;
  }
}

describe('authorization of every procedure', () => {
  for (const row of matrix) {
    it(`participation.${row.name}`, async () => {
      const expected = row.expected();
      // Refused callers first: the allowed ones then act on the untouched participation.
      const order = (Object.keys(expected) as CallerName[]).sort(
        (a, b) => Number(expected[a] === 'ok') - Number(expected[b] === 'ok'),
      );
      const actual: Partial<Record<CallerName, string>> = {};
      for (const caller of order) actual[caller] = await outcomeOf(row.call(clients[caller]));
      expect(actual).toEqual(expected);
    });
  }
});

describe('what each caller sees', () => {
  it('streamers list only their own participations; brands only their campaigns’', async () => {
    const mineB = await clients.streamerB.participation.listMine.query({});
    expect(mineB.items.length).toBeGreaterThan(0);
    expect(mineB.items.every((item) => item.streamerId === stack.cast.streamerB.userId)).toBe(true);
    const participants = await clients.brandA.participation.listForCampaign.query({
      campaignId: f.shared,
    });
    expect(participants.items.every((item) => item.brandId === stack.cast.brandA.userId)).toBe(
      true,
    );
    expect(participants.items.map((item) => item.id)).toEqual(
      expect.arrayContaining([f.liveOfA, f.liveOfB]),
    );
  });

  it('a refused brand acted on nothing: brand B’s attempts left brand A’s applicants untouched', async () => {
    const approved = await clients.brandA.participation.get.query({
      participationId: f.applicationOfA,
    });
    expect(approved.status).toBe('active');
    const rejected = await clients.brandA.participation.get.query({
      participationId: f.applicationOfB,
    });
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Not this time' });
  });
});

describe('every admin procedure', () => {
  it('lets an admin with its permission past authorization, and no one else', async () => {
    const { checked, mismatches } = await checkAdminAuthorization({
      router: createParticipationRouter(stack.participation.service.deps),
      url: stack.participation.url,
      tokenFor: stack.tokenFor,
    });
    expect(checked.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
