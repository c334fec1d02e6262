import type { ParticipationStatus } from '@gametriggers/contracts';
import type { OnboardedStreamerOptions } from '@gametriggers/streamer-service/testing';
import { eventually } from '@gametriggers/campaign-service/testing';
import type { TestPerson } from '@gametriggers/testing';
import { failure } from '@gametriggers/testing';
import { createServiceClient } from '@gametriggers/trpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipationRouter } from './router';
import { participationTestServiceSecret } from './testing/participation-harness';
import type { ParticipationStack } from './testing/participation-stack';
import { startParticipationStack } from './testing/participation-stack';

let stack: ParticipationStack;
let campaignId: string;
let otherCampaignId: string;
let streamers: TestPerson[];
/** Streamer ids by what happened to them in the campaign. */
let who: { approved: string; left: string; paused: string; pending: string };

const profile: OnboardedStreamerOptions = {
  categories: ['fps', 'rpg'],
  language: 'en',
  country: 'US',
  followers: 1_000,
  averageViewers: 50,
};

const asService = () =>
  createServiceClient<ParticipationRouter>({
    url: stack.participation.url,
    secret: participationTestServiceSecret,
    caller: 'notification',
  });

beforeAll(async () => {
  stack = await startParticipationStack();
  const { brandA } = stack.cast;
  streamers = [1, 2, 3, 4].map((n) => stack.extra('streamer', `audience-${n}`));
  await Promise.all(streamers.map((streamer) => stack.onboarded(streamer, profile)));
  const [campaign, other] = await Promise.all([
    stack.runningCampaign(brandA, { categories: ['fps'], joinMode: 'approval' }),
    stack.runningCampaign(brandA, { categories: ['rpg'] }),
  ]);
  campaignId = campaign.id;
  otherCampaignId = other.id;
  const brand = (await stack.as(brandA)).participation;
  const applications = [];
  for (const streamer of streamers) {
    const api = (await stack.as(streamer)).participation;
    applications.push((await api.applyToCampaign.mutate({ campaignId })).participation.id);
    // Everyone is also in another campaign, which must never leak into this one's audience.
    await api.join.mutate({ campaignId: otherCampaignId });
  }
  for (const participationId of applications.slice(0, 3)) await brand.approve.mutate({ participationId });
  const [approved, left, paused, pending] = streamers.map((streamer) => streamer.userId) as [string, string, string, string];
  await (await stack.as(streamers[1])).participation.leave.mutate({ participationId: applications[1]! });
  await (await stack.as(streamers[2])).participation.pause.mutate({ participationId: applications[2]! });
  who = { approved, left, paused, pending };
}, 120_000);
afterAll(() => stack?.close());

async function everyPage(statuses: ParticipationStatus[], limit: number, id = campaignId) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await asService().participation.internal.campaignStreamers.query({ campaignId: id, statuses, limit, ...(cursor ? { cursor } : {}) });
    expect(page.streamerIds.length).toBeLessThanOrEqual(limit);
    ids.push(...page.streamerIds);
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}

describe('participation.internal.campaignStreamers', () => {
  it('answers the streamers of the campaign in the asked statuses, by id', async () => {
    expect(await everyPage(['active', 'paused'], 100)).toEqual([who.approved, who.paused].sort());
    expect(await everyPage(['pending'], 100)).toEqual([who.pending]);
    expect(await everyPage(['left_early'], 100)).toEqual([who.left]);
    expect(await everyPage(['completed'], 100)).toEqual([]);
  });

  it('pages through them one at a time, each once', async () => {
    const all = [who.approved, who.left, who.paused, who.pending].sort();
    expect(await everyPage(['active', 'paused', 'pending', 'left_early'], 1)).toEqual(all);
    expect(await everyPage(['active', 'paused', 'pending', 'left_early'], 3)).toEqual(all);
  });

  it('answers nobody for a campaign without participations', async () => {
    expect(await everyPage(['active'], 10, '00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('refuses a cursor it did not make', async () => {
    const forged = Buffer.from(JSON.stringify(['participations.newest', new Date().toISOString(), who.approved])).toString('base64url');
    expect(
      await failure(asService().participation.internal.campaignStreamers.query({ campaignId, statuses: ['active'], cursor: forged })),
    ).toMatchObject({ code: 'BAD_REQUEST', reason: 'invalid_cursor' });
  });

  it('still finds the participants once the campaign ended (their participations completed)', async () => {
    const brandToken = await stack.tokenFor(stack.cast.brandA);
    await stack.campaigns.client(brandToken).campaign.end.mutate({ campaignId });
    const completed = await eventually(async () => {
      const ids = await everyPage(['active', 'paused', 'completed'], 100);
      return ids.length === 2 && (await everyPage(['completed'], 100)).length === 2 ? ids : null;
    });
    expect(completed).toEqual([who.approved, who.paused].sort());
    // The pending application was declined, the one who left stays left.
    expect(await everyPage(['rejected'], 100)).toEqual([who.pending]);
    expect(await everyPage(['left_early'], 100)).toEqual([who.left]);
  });
});
