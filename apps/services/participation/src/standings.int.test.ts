import type { ContentCategory } from '@gametriggers/contracts';
import { failure } from '@gametriggers/testing';
import type { TestPerson } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipationStack } from './testing/participation-stack';
import { startParticipationStack } from './testing/participation-stack';

let stack: ParticipationStack;

beforeAll(async () => {
  stack = await startParticipationStack();
}, 120_000);
afterAll(() => stack?.close());

async function streamerWith(label: string, categories: [ContentCategory, ...ContentCategory[]]) {
  const person = stack.extra('streamer', label);
  await stack.onboarded(person, {
    categories,
    language: 'en',
    country: 'US',
    timezone: 'Europe/Berlin',
    followers: 1_000,
    averageViewers: 50,
  });
  return person;
}

const standingsOf = async (person: TestPerson, campaignIds: string[]) => {
  const rows = await (await stack.as(person)).participation.standings.query({ campaignIds });
  return Object.fromEntries(rows.map((row) => [row.campaignId, row]));
};

describe('participation.standings', () => {
  it('says per campaign what a join would do, and a join then does exactly that', async () => {
    const { brandA, brandB } = stack.cast;
    const streamer = await streamerWith('standing', ['fps', 'rpg']);
    const [openFps, secondFps, approvalRpg, otherCategory] = await Promise.all([
      stack.runningCampaign(brandA, { categories: ['fps'], regions: ['US'], title: 'Fps open' }),
      stack.runningCampaign(brandB, { categories: ['fps'], regions: ['US'], title: 'Fps second' }),
      stack.runningCampaign(brandA, {
        categories: ['rpg'],
        regions: ['US'],
        joinMode: 'approval',
      }),
      stack.runningCampaign(brandA, { categories: ['racing'], regions: ['US'] }),
    ]);
    const ids = [openFps.id, secondFps.id, approvalRpg.id, otherCategory.id];
    const api = (await stack.as(streamer)).participation;

    const before = await standingsOf(streamer, ids);
    expect(before[openFps.id]).toMatchObject({
      standing: 'join',
      canProceed: true,
      category: 'fps',
    });
    expect(before[secondFps.id]).toMatchObject({ standing: 'join', canProceed: true });
    expect(before[approvalRpg.id]).toMatchObject({ standing: 'apply', canProceed: true });
    expect(before[otherCategory.id]).toMatchObject({
      standing: 'blocked',
      blockers: [expect.objectContaining({ reason: 'not_eligible' })],
    });
    // The blocked one is refused by the join for the same reason.
    expect(await failure(api.join.mutate({ campaignId: otherCategory.id }))).toMatchObject({
      reason: 'not_eligible',
    });

    await api.join.mutate({ campaignId: openFps.id });
    await api.applyToCampaign.mutate({ campaignId: approvalRpg.id });

    const after = await standingsOf(streamer, ids);
    expect(after[openFps.id]).toMatchObject({
      standing: 'running',
      participation: { status: 'active' },
    });
    expect(after[approvalRpg.id]).toMatchObject({
      standing: 'pending',
      participation: { status: 'pending' },
    });
    // The fps key is now held by the first campaign: the second is blocked by it, and says so.
    expect(after[secondFps.id]).toMatchObject({
      standing: 'blocked',
      blockers: [expect.objectContaining({ reason: 'no_key' })],
    });
    expect(after[secondFps.id]!.blockers[0]!.message).toContain('Fps open');
    expect(await failure(api.join.mutate({ campaignId: secondFps.id }))).toMatchObject({
      reason: 'no_key',
    });
    expect(await failure(api.join.mutate({ campaignId: openFps.id }))).toMatchObject({
      reason: 'already_joined',
    });
  });

  it('shows a streamer only their own standing', async () => {
    const { brandA } = stack.cast;
    const [runner, other] = await Promise.all([
      streamerWith('runner', ['moba']),
      streamerWith('onlooker', ['moba']),
    ]);
    const campaign = await stack.runningCampaign(brandA, { categories: ['moba'], regions: ['US'] });
    await (await stack.as(runner)).participation.join.mutate({ campaignId: campaign.id });

    expect((await standingsOf(runner, [campaign.id]))[campaign.id]).toMatchObject({
      standing: 'running',
    });
    expect((await standingsOf(other, [campaign.id]))[campaign.id]).toMatchObject({
      standing: 'join',
      participation: null,
    });
    const asBrand = (await stack.as(brandA)).participation;
    expect(await failure(asBrand.standings.query({ campaignIds: [campaign.id] }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('reads a withdrawn application as withdrawn, free to apply again', async () => {
    const { brandA } = stack.cast;
    const streamer = await streamerWith('withdrawing', ['rpg']);
    const campaign = await stack.runningCampaign(brandA, {
      categories: ['rpg'],
      regions: ['US'],
      joinMode: 'approval',
    });
    const api = (await stack.as(streamer)).participation;
    const applied = await api.applyToCampaign.mutate({ campaignId: campaign.id });
    const withdrawn = await api.leave.mutate({ participationId: applied.participation.id });

    expect(withdrawn).toMatchObject({ status: 'withdrawn', endedAt: stack.clock.now() });
    expect((await api.keys.list.query()).find((key) => key.category === 'rpg')).toMatchObject({
      state: 'available',
    });
    expect((await standingsOf(streamer, [campaign.id]))[campaign.id]).toMatchObject({
      standing: 'apply',
      participation: { status: 'withdrawn' },
    });
  });

  it('leaves out campaigns that do not exist and refuses an empty list', async () => {
    const streamer = await streamerWith('unknown', ['fps']);
    expect(await standingsOf(streamer, ['00000000-0000-4000-8000-000000000042'])).toEqual({});
    const api = (await stack.as(streamer)).participation;
    expect(await failure(api.standings.query({ campaignIds: [] }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
