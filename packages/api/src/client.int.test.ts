import { startGateway } from '@gametriggers/gateway';
import { startIdentityHarness, testServiceSecret } from '@gametriggers/identity/testing';
import type { IdentityHarness } from '@gametriggers/identity/testing';
import { createTestRedisNamespace } from '@gametriggers/testing';
import { createAccessTokenVerifier, createServiceTokenSource } from '@gametriggers/tokens';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCClientError, createApiClient } from './index';

let identity: IdentityHarness;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let redis: Redis;
const namespace = createTestRedisNamespace('api');

beforeAll(async () => {
  identity = await startIdentityHarness();
  redis = new Redis(namespace.url);
  gateway = await startGateway({
    port: 0,
    serviceUrls: {
      identity: identity.url,
      brand: 'http://127.0.0.1:9',
      streamer: 'http://127.0.0.1:9',
      campaign: 'http://127.0.0.1:9',
      participation: 'http://127.0.0.1:9',
      analytics: 'http://127.0.0.1:9',
      payment: 'http://127.0.0.1:9',
      asset: 'http://127.0.0.1:9',
      notification: 'http://127.0.0.1:9',
      overlay: 'http://127.0.0.1:9',
      admin: 'http://127.0.0.1:9',
    },
    identityJwksUrl: identity.jwksUrl,
    accessTokens: createAccessTokenVerifier({
      jwksUrl: identity.jwksUrl,
      issuer: 'gametriggers-identity',
      audience: 'gametriggers',
    }),
    serviceSecret: testServiceSecret,
    redis,
    corsOrigins: [],
    maxBodyBytes: 1024 * 1024,
    rateLimits: { windowMs: 60_000, perUser: 1_000, perIp: 1_000, keyPrefix: namespace.prefix },
    timeouts: { connectMs: 500, responseMs: 5_000 },
    log: pino({ level: 'silent' }),
  });
}, 60_000);

afterAll(async () => {
  await gateway.close(100);
  redis.disconnect();
  await namespace.clear();
  await identity.close();
});

describe('the API client', () => {
  it('sends each domain to its gateway route with the caller credentials', async () => {
    const email = `client.${Date.now()}@example.com`;
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
    const person = createApiClient({ gatewayUrl: gateway.url, getAccessToken: () => held.accessToken });
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
});
