import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OnboardBrandInput } from '@gametriggers/contracts';
import { createEventSender } from '@gametriggers/events/testing';
import { createPersonClient, createServiceClient } from '@gametriggers/trpc';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import type { BrandServiceOptions } from '../app';
import type { DocumentAssets } from '../clients/document-assets';
import { startBrandService } from '../app';
import type { BrandRouter } from '../router';
import { sampleOnboarding, sampleVerificationRequest } from './brand-fixtures';
import { documentAssetsStandIn } from './document-assets-stand-in';

export { sampleOnboarding, sampleVerificationRequest } from './brand-fixtures';
export { documentAssetsStandIn, sampleDocumentFiles } from './document-assets-stand-in';

export const brandMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

export const brandTestServiceSecret = 'test-service-secret-of-at-least-32-chars';

export interface BrandHarnessOptions {
  /** The JWKS of the token issuer whose access tokens the service accepts (`startTestTokenIssuer`). */
  jwksUrl: string;
  now?: () => Date;
  /** The shared service secret; defaults to `brandTestServiceSecret`. */
  serviceSecret?: string;
  /** Redis and BullMQ prefix shared with the services that hear its events (e.g. the admin service's audit log). */
  events?: { redisUrl: string; queuePrefix: string };
  /**
   * A running asset service (`startAssetHarness(...).url`, sharing `serviceSecret`) that checks the
   * documents of verification requests. Without one, `documents` stands in (default:
   * `documentAssetsStandIn()`, which knows the files of `sampleVerificationRequest()`).
   */
  assetServiceUrl?: string;
  documents?: DocumentAssets;
}

/**
 * A real brand service for tests: its own fresh database and Redis namespace, on a free port.
 * `close()` stops it and drops the database.
 */
export async function startBrandHarness(options: BrandHarnessOptions) {
  const database = await createTestDatabase(brandMigrationsDir, 'brand');
  const redis = options.events ? undefined : createTestRedisNamespace('brand');
  const events = options.events ?? { redisUrl: redis!.url, queuePrefix: redis!.prefix };
  const config: BrandServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: events.redisUrl,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: options.serviceSecret ?? brandTestServiceSecret,
    ASSET_SERVICE_URL: options.assetServiceUrl ?? 'http://127.0.0.1:9',
    queuePrefix: events.queuePrefix,
    now: options.now,
    documents: options.assetServiceUrl ? undefined : (options.documents ?? documentAssetsStandIn()),
  };
  const service = await startBrandService(config);
  const sender = createEventSender({
    consumer: 'brand',
    redisUrl: events.redisUrl,
    queuePrefix: events.queuePrefix,
    now: service.deps.now,
    isApplied: async (eventId) =>
      (await service.deps.db.processedEvent.count({ where: { consumer: 'brand', eventId } })) > 0,
  });

  /** A client as the person holding `token` (an access token), or anonymous without one. */
  function client(token?: string) {
    return createPersonClient<BrandRouter>({ url: service.url, accessToken: token });
  }

  /** A client as another service (for `brand.internal.*`). */
  function serviceClient(caller = 'test') {
    return createServiceClient<BrandRouter>({
      url: service.url,
      secret: config.SERVICE_SECRET,
      caller,
    });
  }

  /** Onboards the brand holding `brandToken` with the sample profile (sections overridable). */
  function onboardedBrand(brandToken: string, overrides: Partial<OnboardBrandInput> = {}) {
    return client(brandToken).brand.onboard.mutate(sampleOnboarding(overrides));
  }

  /**
   * A verified brand through the real procedures: onboards (unless already onboarded), requests
   * verification with sample documents and verifies it as the admin holding `adminToken` (who needs
   * `canVerifyBrands`, e.g. `testCast().superAdmin`).
   */
  async function verifiedBrand(
    brandToken: string,
    adminToken: string,
    overrides: Partial<OnboardBrandInput> = {},
  ) {
    const brand = client(brandToken);
    const profile = (await brand.brand.me.query()) ?? (await onboardedBrand(brandToken, overrides));
    if (profile.verification.status !== 'verified') {
      if (profile.verification.status !== 'pending') {
        await brand.brand.requestVerification.mutate(sampleVerificationRequest());
      }
      await client(adminToken).brand.verify.mutate({ brandId: profile.id });
    }
    const verified = await brand.brand.me.query();
    if (!verified) throw new Error('The verified brand vanished');
    return verified;
  }

  return {
    url: service.url,
    service,
    config,
    client,
    serviceClient,
    onboardedBrand,
    verifiedBrand,
    /** Sends an event to the brand service's queue as a relay would, and waits until it is applied. */
    events: sender,
    /** Raw SQL on the brand database, e.g. to read `outbox_events`. */
    db: service.deps.db,
    async close() {
      await sender.close();
      await service.close(1_000);
      await redis?.clear();
      await database.drop();
    },
  };
}
export type BrandHarness = Awaited<ReturnType<typeof startBrandHarness>>;
