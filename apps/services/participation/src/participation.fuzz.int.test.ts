import { castCallers, fuzzService, harnessTarget } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ParticipationStack } from './testing/participation-stack';
import { startParticipationStack } from './testing/participation-stack';

let stack: ParticipationStack;

beforeAll(async () => {
  stack = await startParticipationStack();
  const { brandA, streamerA, streamerB } = stack.cast;
  for (const streamer of [streamerA, streamerB]) {
    await stack.onboarded(streamer, {
      categories: ['fps', 'rpg'],
      language: 'en',
      country: 'US',
      followers: 1_000,
      averageViewers: 50,
    });
  }
  // A running campaign the first streamer has joined, so participations, keys and energy exist.
  const campaign = await stack.runningCampaign(brandA, { categories: ['fps'] });
  await (await stack.as(streamerA)).participation.join.mutate({ campaignId: campaign.id });
}, 120_000);
afterAll(() => stack.close());

it(
  'answers every procedure, whatever it is sent, without a 5xx, a hang or a refused write',
  { timeout: 600_000 },
  async () => {
    const { findings, report } = await fuzzService(
      harnessTarget('participation', stack.participation, {
        callers: await castCallers(stack.issuer, stack.cast),
        now: stack.clock.now(),
      }),
    );
    expect(findings, report).toEqual([]);
  },
);
