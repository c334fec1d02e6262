import type { AdminHarness } from '@gametriggers/admin-service/testing';
import { startAdminHarness } from '@gametriggers/admin-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { CampaignRouter } from '@gametriggers/campaign-service/router';
import type { CampaignHarness } from '@gametriggers/campaign-service/testing';
import {
  campaignTestServiceSecret,
  sampleCampaign,
  startCampaignHarness,
} from '@gametriggers/campaign-service/testing';
import {
  adminWith,
  createTestRedisNamespace,
  eventually,
  fixedClock,
  startOtlpReceiver,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { OtlpReceiver, ReceivedSpan, TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { ActiveTracing } from '@gametriggers/trpc';
import { startTracing, stopTracing, tracingConfigFromEnv } from '@gametriggers/trpc';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { Redis } from 'ioredis';
import superjson from 'superjson';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { RunningGateway } from './server';
import { createGateway } from './server';
import { testGatewayOptions } from './test-options';

// The processes of a deployment share one collector; here they share one process and its provider.
const OTLP_SERVER = 2;
const OTLP_PRODUCER = 4;
const OTLP_CONSUMER = 5;
const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
let receiver: OtlpReceiver;
let tracing: ActiveTracing | undefined;
let issuer: TestTokenIssuer;
let namespace: TestRedisNamespace;
let redis: Redis;
let admin: AdminHarness;
let brands: BrandHarness;
let campaigns: CampaignHarness;
let gateway: RunningGateway;
let brandToken: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // As a deployment configures it: tracing is on because an OTLP endpoint is set.
  vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', receiver.url);
  tracing = startTracing(tracingConfigFromEnv('gateway'));
  issuer = await startTestTokenIssuer();
  namespace = createTestRedisNamespace('trace-through');
  const events = { redisUrl: namespace.url, queuePrefix: namespace.prefix };
  admin = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: clock.now, events });
  brands = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now, events });
  campaigns = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: brands.url,
    streamerServiceUrl: 'http://127.0.0.1:9',
    clock,
    queuePrefix: namespace.prefix,
  });
  redis = new Redis(namespace.url);
  gateway = await createGateway(
    testGatewayOptions({
      identity: { url: 'http://127.0.0.1:9', jwksUrl: issuer.jwksUrl },
      serviceSecret: campaignTestServiceSecret,
      redis,
      rateLimitPrefix: namespace.prefix,
      now: clock.now,
      serviceUrls: { campaign: campaigns.url },
      overrides: {
        // The test issuer signs on real time; rate-limit windows run on the test clock.
        accessTokens: createAccessTokenVerifier({
          jwksUrl: issuer.jwksUrl,
          issuer: 'gametriggers-identity',
          audience: 'gametriggers',
        }),
      },
    }),
  );
  brandToken = await issuer.tokenFor(cast.brandA);
  await brands.verifiedBrand(brandToken, await issuer.tokenFor(cast.superAdmin));
}, 120_000);
afterAll(async () => {
  await gateway.close(500);
  await campaigns.close();
  await brands.close();
  await admin.close();
  await redis.quit();
  await namespace.clear();
  await issuer.close();
  await stopTracing();
  await receiver.close();
  vi.unstubAllEnvs();
});

const attribute = (span: ReceivedSpan | undefined, key: string) => span?.attributes[key];

/** The chain of spans from `span` up to its trace's root. */
function ancestry(spans: ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  const parent = spans.find((candidate) => candidate.spanId === span.parentSpanId);
  return parent ? [span, ...ancestry(spans, parent)] : [span];
}

it('a brand’s campaign submission is one trace: gateway, campaign service, its call to the brand service, outbox relay, the admin service’s consumer', async () => {
  const draft = await campaigns
    .client(brandToken)
    .campaign.create.mutate(sampleCampaign({ startsAt: new Date(clock.now().getTime() + 86_400_000) }, clock.now()));

  const throughGateway = createTRPCClient<CampaignRouter>({
    links: [
      httpBatchLink({
        url: `${gateway.url}/api/campaign`,
        transformer: superjson,
        headers: { authorization: `Bearer ${brandToken}` },
      }),
    ],
  });
  await throughGateway.campaign.submit.mutate({ campaignId: draft.id });

  // The admin service's consumer put the creative in the moderation queue…
  const moderator = admin.client(await issuer.tokenFor(adminWith('canModerateContent')));
  await eventually(async () => {
    const queue = await moderator.admin.moderation.list.query({});
    return queue.items.some((item) => item.subjectId === draft.id);
  }, 'the creative in the moderation queue');

  // …and every process exported its spans of that action to the collector, in one trace.
  const consumed = await eventually(async () => {
    await tracing?.flush();
    return receiver.spans.find(
      (span) =>
        span.name === 'process campaign.creative_submitted' &&
        attribute(span, 'gametriggers.service') === 'admin',
    );
  }, 'the admin consumer’s span');
  const spans = receiver.traceOf(consumed.traceId);
  const chain = ancestry(spans, consumed);
  const root = chain.at(-1);

  expect(root).toMatchObject({ name: 'POST /api/campaign', kind: OTLP_SERVER, parentSpanId: undefined });
  expect(attribute(root, 'gametriggers.service')).toBe('gateway');
  expect(chain.map((span) => span.name)).toEqual([
    'process campaign.creative_submitted',
    'publish campaign.creative_submitted',
    'campaign.submit',
    'POST /trpc',
    'POST /api/campaign',
  ]);
  const [consumer, relay, procedure, campaignServer] = chain;
  expect(consumer).toMatchObject({ kind: OTLP_CONSUMER });
  expect(relay).toMatchObject({ kind: OTLP_PRODUCER });
  expect(attribute(relay, 'messaging.destination.name')).toContain('events.admin');
  expect(attribute(procedure, 'rpc.method')).toBe('campaign.submit');
  expect(campaignServer).toMatchObject({ kind: OTLP_SERVER });
  expect(attribute(campaignServer, 'gametriggers.service')).toBe('campaign');
  expect(attribute(campaignServer, 'http.response.status_code')).toBe(200);
  expect(attribute(root, 'http.response.status_code')).toBe(200);

  // The campaign service asked the brand service for the brand's standing, inside the same trace.
  const brandServer = spans.find((span) => attribute(span, 'gametriggers.service') === 'brand');
  expect(brandServer).toMatchObject({ kind: OTLP_SERVER });
  expect(brandServer && ancestry(spans, brandServer).map((span) => span.name)).toContain('campaign.submit');
  // The notification service's copy of `campaign.submitted` was published in the same trace too.
  expect(spans.map((span) => span.name)).toContain('publish campaign.submitted');
  expect(new Set(spans.map((span) => span.serviceName))).toEqual(new Set(['gateway']));
});
