import {
  castCallers,
  fuzzService,
  harnessTarget,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StreamerHarness } from './testing/streamer-harness';
import { startStreamerHarness } from './testing/streamer-harness';

const now = new Date('2026-03-08T07:30:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: StreamerHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
  for (const [streamer, category] of [
    [cast.streamerA, 'fps'],
    [cast.streamerB, 'rpg'],
  ] as const) {
    await harness.onboardedStreamer(await issuer.tokenFor(streamer), {
      categories: [category],
      language: 'en',
      country: 'US',
      followers: 500,
      averageViewers: 20,
    });
  }
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

it(
  'answers every procedure, whatever it is sent, without a 5xx, a hang or a refused write',
  { timeout: 600_000 },
  async () => {
    const { findings, report } = await fuzzService(
      harnessTarget('streamer', harness, {
        callers: await castCallers(issuer, cast),
        now,
      }),
    );
    expect(findings, report).toEqual([]);
  },
);
