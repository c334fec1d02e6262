import {
  castCallers,
  fuzzService,
  harnessTarget,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrandHarness } from './testing/brand-harness';
import { startBrandHarness } from './testing/brand-harness';

const now = new Date('2026-03-08T07:30:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: BrandHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: () => now });
  // A verified brand and one awaiting review, so ids of both kinds exist.
  await harness.verifiedBrand(
    await issuer.tokenFor(cast.brandA),
    await issuer.tokenFor(cast.superAdmin),
  );
  await harness.onboardedBrand(await issuer.tokenFor(cast.brandB));
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
      harnessTarget('brand', harness, {
        callers: await castCallers(issuer, cast),
        now,
      }),
    );
    expect(findings, report).toEqual([]);
  },
);
