import { startGateway } from '@gametriggers/gateway';
import { testGatewayOptions } from '@gametriggers/gateway/testing';
import { startIdentityHarness, testServiceSecret } from '@gametriggers/identity-service/testing';
import type { IdentityHarness } from '@gametriggers/identity-service/testing';
import { createTestRedisNamespace, fixedClock, testInstants } from '@gametriggers/testing';
import type { IdentityRouter } from '@gametriggers/identity-service/router';
import { router, startService, streamerProcedure } from '@gametriggers/trpc';
import type { RunningService } from '@gametriggers/trpc';
import { createAccessTokenVerifier, createServiceTokenSource } from '@gametriggers/tokens';
import { createTRPCClient } from '@trpc/client';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCClientError, apiHeaders, createApiClient, domainLink } from './index';
import type { MergedRouter } from './index';

const clock = fixedClock(testInstants.newYorkAfternoon);

// A second domain beside identity: a small overlay service on the service kit (streamers only at
// the gateway).
const overlayRouter = router({
  overlay: router({
    whoami: streamerProcedure.query(({ ctx }) => ({ userId: ctx.caller.userId, at: clock.now() })),
  }),
});
type TestAppRouter = MergedRouter<[IdentityRouter, typeof overlayRouter]>;
let overlay: RunningService;

let identity: IdentityHarness;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let redis: Redis;
const namespace = createTestRedisNamespace('api');

beforeAll(async () => {
  identity = await startIdentityHarness({ now: clock.now });
  redis = new Redis(namespace.url);
  overlay = await startService({
    name: 'overlay-test',
    port: 0,
    router: overlayRouter,
    auth: {
      accessTokens: createAccessTokenVerifier({
        jwksUrl: identity.jwksUrl,
        issuer: 'gametriggers-identity',
        audience: 'gametriggers',
        now: clock.now,
      }),
      serviceSecret: testServiceSecret,
    },
    readiness: {},
    log: pino({ level: 'silent' }),
  });
  gateway = await startGateway(
    testGatewayOptions({
      identity,
      serviceSecret: testServiceSecret,
      redis,
      rateLimitPrefix: namespace.prefix,
      now: clock.now,
      serviceUrls: { overlay: overlay.url },
    }),
  );
}, 60_000);

afterAll(async () => {
  await gateway.close(100);
  await overlay.close(100);
  redis.disconnect();
  await namespace.clear();
  await identity.close();
});

/** A fresh verified account of `role`, signed in through the gateway. */
async function signedInAs(role: 'brand' | 'streamer') {
  const email = `${role}.${Math.random().toString(36).slice(2, 7)}@example.com`;
  await createApiClient({
    gatewayUrl: gateway.url,
    getServiceToken: createServiceTokenSource(testServiceSecret, 'portal'),
  }).identity.seedDemoUser.mutate({ email, password: 'a strong password', name: role, role });
  return createApiClient({ gatewayUrl: gateway.url }).identity.login.mutate({
    email,
    password: 'a strong password',
  });
}

describe('the API client', () => {
  it('sends each domain to its gateway route with the caller credentials', async () => {
    const email = 'client@example.com';
    const asService = createApiClient({
      gatewayUrl: gateway.url,
      getServiceToken: createServiceTokenSource(testServiceSecret, 'portal'),
    });
    await asService.identity.seedDemoUser.mutate({
      email,
      password: 'a strong password',
      name: 'Client',
      role: 'brand',
    });

    const held: { accessToken?: string } = {};
    const person = createApiClient({
      gatewayUrl: gateway.url,
      getAccessToken: () => held.accessToken,
    });
    const session = await person.identity.login.mutate({ email, password: 'a strong password' });
    held.accessToken = session.accessToken;
    const me = await person.identity.me.query();
    expect(me).toMatchObject({ email, role: 'brand' });
    expect(me.createdAt).toBeInstanceOf(Date);
  });

  it('surfaces gateway refusals as TRPCClientError with their message', async () => {
    const anonymous = createApiClient({ gatewayUrl: gateway.url });
    const error = await anonymous.identity.me.query().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as Error).message).toBe('Sign in to continue.');
    const forged = createApiClient({
      gatewayUrl: gateway.url,
      getAccessToken: () => 'forged.token.here',
    });
    const refused = await forged.identity.me.query().catch((caught: unknown) => caught);
    expect((refused as TRPCClientError<never>).data).toMatchObject({ httpStatus: 401 });
  });

  it('batches per domain: one request to each domain route, typed end to end', async () => {
    const session = await signedInAs('streamer');

    const requested: string[] = [];
    const client = createTRPCClient<TestAppRouter>({
      links: [
        domainLink<TestAppRouter>(gateway.url, async () => {
          return apiHeaders({ getAccessToken: () => session.accessToken });
        }),
      ],
    });
    const originalFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      if (path.startsWith('/api/')) requested.push(path); // not the services' own JWKS fetches
      return originalFetch(input, init);
    };
    try {
      const [me, whoami, again] = await Promise.all([
        client.identity.me.query(),
        client.overlay.whoami.query(),
        client.overlay.whoami.query(),
      ]);
      expect(whoami.userId).toBe(me.id);
      expect(again.at).toBeInstanceOf(Date);
    } finally {
      globalThis.fetch = originalFetch;
    }
    expect(requested.sort()).toEqual([
      '/api/identity/identity.me',
      '/api/overlay/overlay.whoami,overlay.whoami',
    ]);
  });

  it('surfaces a gateway 403 as TRPCClientError naming who may call', async () => {
    const session = await signedInAs('brand');
    const client = createTRPCClient<TestAppRouter>({
      links: [
        domainLink<TestAppRouter>(gateway.url, () => ({
          authorization: `Bearer ${session.accessToken}`,
        })),
      ],
    });
    const error = await client.overlay.whoami.query().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as Error).message).toBe(
      'The overlay API is for streamer accounts and administrators only.',
    );
    expect((error as TRPCClientError<TestAppRouter>).data).toMatchObject({
      code: 'FORBIDDEN',
      httpStatus: 403,
    });
  });
});
