import {
  castCallers,
  fuzzService,
  harnessTarget,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OverlayHarness } from './testing/overlay-harness';
import { startOverlayHarness } from './testing/overlay-harness';

const now = new Date('2026-03-08T07:30:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: OverlayHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startOverlayHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
  await harness.createOverlayFor(await issuer.tokenFor(cast.streamerA));
  await harness.createOverlayFor(await issuer.tokenFor(cast.streamerB));
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
      harnessTarget('overlay', harness, {
        callers: await castCallers(issuer, cast),
        now,
      }),
    );
    expect(findings, report).toEqual([]);
  },
);
