import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CampaignInput } from '@gametriggers/contracts';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import type { PlatformConfigSource } from '@gametriggers/platform-config';
import type { TestClock } from '@gametriggers/testing';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import { createPersonClient, createServiceClient } from '@gametriggers/trpc';
import type { CampaignServiceOptions } from '../app';
import { startCampaignService } from '../app';
import type { AssetLibrary } from '../clients/asset-library';
import type { BrandDirectory } from '../clients/brand-directory';
import type { BudgetReserver } from '../clients/payment-ledger';
import type { StreamerDirectory } from '../clients/streamer-directory';
import type { CampaignRouter } from '../router';
import { sampleCampaign } from './campaign-fixtures';
import { approvedCreatives } from './approved-creatives';
import { fundedWallets } from './funded-wallets';

export { SAMPLE_CREATIVE_ASSET_ID, sampleCampaign } from './campaign-fixtures';
export { approvedCreatives, STAND_IN_CREATIVE_HOST } from './approved-creatives';
export { fundedWallets } from './funded-wallets';
export { eventually } from './eventually';

export const campaignMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

export const campaignTestServiceSecret = 'test-service-secret-of-at-least-32-chars';

export interface CampaignHarnessOptions {
  /** The JWKS of the token issuer whose access tokens the service accepts (`startTestTokenIssuer`). */
  jwksUrl: string;
  /** A running brand service (`startBrandHarness(...).url`), asked for brand standing on submit. */
  brandServiceUrl: string;
  /** A running streamer service (`startStreamerHarness(...).url`), asked for profiles on discovery. */
  streamerServiceUrl: string;
  /**
   * The clock the service runs on (`fixedClock`, or `runningClock` where its jobs must fire on real
   * timers): `activeCampaign` advances it past the start instead of waiting for real time to pass.
   */
  clock: TestClock;
  /** The shared service secret; defaults to `campaignTestServiceSecret`. */
  serviceSecret?: string;
  /** BullMQ prefix; share another harness's to have events flow between them. Default: its own. */
  queuePrefix?: string;
  /** How often the auto-completion sweep runs (default 5 minutes). */
  sweepEveryMs?: number;
  /** In-test stand-ins instead of calling the brand/streamer services. */
  brands?: BrandDirectory;
  streamers?: StreamerDirectory;
  /**
   * A running payment service (`startPaymentHarness(...).url`, sharing `serviceSecret`) whose ledger
   * reserves approved budgets. Without one, `payments` stands in (default: `fundedWallets()`).
   */
  paymentServiceUrl?: string;
  payments?: BudgetReserver;
  /**
   * The platform configuration (`startPlatformConfigAdmin(...).clientFor('campaign')` for a real
   * admin service; share `queuePrefix` with it so `config.changed` arrives). Default: the defaults.
   */
  platformConfig?: PlatformConfigSource;
  /**
   * A running asset service (`startAssetHarness(...).url`, sharing `serviceSecret`) whose uploads
   * are the creatives. Without one, `assets` stands in (default: `approvedCreatives()`: any asset id
   * is an approved image).
   */
  assetServiceUrl?: string;
  assets?: AssetLibrary;
}

/**
 * A real campaign service for tests: its own fresh database and Redis namespace, on a free port,
 * calling the brand and streamer services at the given URLs. `close()` stops it and drops the database.
 */
export async function startCampaignHarness(options: CampaignHarnessOptions) {
  const database = await createTestDatabase(campaignMigrationsDir, 'campaign');
  const redis = createTestRedisNamespace('campaign');
  const { now } = options.clock;
  const config: CampaignServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: options.serviceSecret ?? campaignTestServiceSecret,
    BRAND_SERVICE_URL: options.brandServiceUrl,
    STREAMER_SERVICE_URL: options.streamerServiceUrl,
    PAYMENT_SERVICE_URL: options.paymentServiceUrl ?? 'http://127.0.0.1:1',
    ADMIN_SERVICE_URL: 'http://127.0.0.1:9',
    platformConfig: options.platformConfig ?? fixedPlatformConfig(),
    COMPLETION_SWEEP_EVERY_MS: options.sweepEveryMs ?? 5 * 60_000,
    ASSET_SERVICE_URL: options.assetServiceUrl ?? 'http://127.0.0.1:1',
    queuePrefix: options.queuePrefix ?? redis.prefix,
    now,
    brands: options.brands,
    streamers: options.streamers,
    payments: options.paymentServiceUrl ? undefined : (options.payments ?? fundedWallets()),
    assets: options.assetServiceUrl ? undefined : (options.assets ?? approvedCreatives()),
  };
  const service = await startCampaignService(config);

  /** A client as the person holding `token` (an access token), or anonymous without one. */
  function client(token?: string) {
    return createPersonClient<CampaignRouter>({ url: service.url, accessToken: token });
  }

  /** A client as another service (for `campaign.internal.*`). */
  function serviceClient(caller = 'test') {
    return createServiceClient<CampaignRouter>({
      url: service.url,
      secret: config.SERVICE_SECRET,
      caller,
    });
  }

  let clockedLaunches: Promise<unknown> = Promise.resolve();
  /**
   * A running campaign through the real procedures: created by the brand holding `brandToken`
   * (which must be verified in the brand service), submitted with a start one second ahead,
   * approved by the admin holding `adminToken` (needs `canManageCampaigns`) once that second has
   * passed, so it is launched and joinable at once.
   */
  function activeCampaign(
    brandToken: string,
    adminToken: string,
    overrides: Partial<CampaignInput> = {},
  ) {
    // One launch advancing the clock would put another's start in the past
    // before it is submitted: launch one at a time.
    const launched = clockedLaunches.then(() => launchCampaign(brandToken, adminToken, overrides));
    clockedLaunches = launched.catch(() => undefined);
    return launched;
  }

  async function launchCampaign(
    brandToken: string,
    adminToken: string,
    overrides: Partial<CampaignInput>,
  ) {
    const startsAt = new Date(now().getTime() + 1_000);
    const brand = client(brandToken);
    const draft = await brand.campaign.create.mutate(
      sampleCampaign(
        { startsAt, endsAt: new Date(startsAt.getTime() + 30 * 86_400_000), ...overrides },
        now(),
      ),
    );
    await brand.campaign.submit.mutate({ campaignId: draft.id });
    const wait = draft.startsAt.getTime() - now().getTime() + 20;
    if (wait > 0) options.clock.advance(wait);
    return client(adminToken).campaign.approve.mutate({ campaignId: draft.id });
  }

  return {
    url: service.url,
    service,
    config,
    client,
    serviceClient,
    activeCampaign,
    /** The campaign database (Prisma), e.g. to read `outbox_events` or set counters. */
    db: service.deps.db,
    async close() {
      await service.close(1_000);
      await redis.clear();
      await database.drop();
    },
  };
}
export type CampaignHarness = Awaited<ReturnType<typeof startCampaignHarness>>;
