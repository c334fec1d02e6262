import { checkAdminAuthorization, startTestTokenIssuer } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AnalyticsHarness } from './testing/analytics-harness';
import { startAnalyticsHarness } from './testing/analytics-harness';
import { campaignsStandIn } from './testing/campaigns-stand-in';

let issuer: TestTokenIssuer;
let harness: AnalyticsHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: 'http://127.0.0.1:9',
    campaigns: campaignsStandIn(),
    now: () => new Date('2026-03-08T07:30:00Z'),
  });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

it('lets an admin with each admin procedure’s permission past authorization, and no one else', async () => {
  const { checked, mismatches } = await checkAdminAuthorization({
    router: harness.service.router,
    url: harness.url,
    tokenFor: (person) => issuer.tokenFor(person),
  });
  expect(checked.length).toBeGreaterThan(0);
  expect(mismatches).toEqual([]);
});
