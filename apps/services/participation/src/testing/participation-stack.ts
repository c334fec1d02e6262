import { randomUUID } from 'node:crypto';
import { startBrandHarness } from '@gametriggers/brand-service/testing';
import { startCampaignHarness } from '@gametriggers/campaign-service/testing';
import type { CampaignInput } from '@gametriggers/contracts';
import type { OnboardedStreamerOptions } from '@gametriggers/streamer-service/testing';
import { startStreamerHarness } from '@gametriggers/streamer-service/testing';
import type { TestClock, TestPerson } from '@gametriggers/testing';
import { fixedClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import { startParticipationHarness } from './participation-harness';

export interface ParticipationStackOptions {
  /**
   * The clock every service of the stack runs on; default: fixed at 14:00 in New York (the test
   * streamers' timezone), so no test crosses local midnight unless it moves the clock there.
   */
  clock?: TestClock;
}

/**
 * The participation service with the real services it talks to, for integration tests: a token
 * issuer, brand, streamer and campaign services (each with its own database), and participation
 * sharing the campaign service's event queues so campaign.* events reach it and participation.*
 * events reach the campaign service.
 */
export async function startParticipationStack(options: ParticipationStackOptions = {}) {
  const clock = options.clock ?? fixedClock(testInstants.newYorkAfternoon);
  const issuer = await startTestTokenIssuer();
  const [brands, streamers] = await Promise.all([
    startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now }),
    startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: clock.now }),
  ]);
  const campaigns = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: brands.url,
    streamerServiceUrl: streamers.url,
    clock,
  });
  const participation = await startParticipationHarness({
    jwksUrl: issuer.jwksUrl,
    campaignServiceUrl: campaigns.url,
    streamerServiceUrl: streamers.url,
    queuePrefix: campaigns.config.queuePrefix,
    now: clock.now,
  });
  const cast = testCast();
  const tokenFor = (person: TestPerson) => issuer.tokenFor(person);
  const adminToken = await tokenFor(cast.superAdmin);

  /** The participation API as `person`, or anonymous. */
  async function as(person?: TestPerson) {
    return participation.client(person ? await tokenFor(person) : undefined);
  }

  const verifications = new Map<string, Promise<unknown>>();
  /** A running campaign of `brand` (verified on first use), created and approved through the real services. */
  async function runningCampaign(brand: TestPerson, overrides: Partial<CampaignInput> = {}) {
    const brandToken = await tokenFor(brand);
    let verification = verifications.get(brand.userId);
    if (!verification) {
      verification = brands.verifiedBrand(brandToken, adminToken);
      verifications.set(brand.userId, verification);
    }
    await verification;
    return campaigns.activeCampaign(brandToken, adminToken, overrides);
  }

  /** Another streamer or brand with a fresh id, beyond the cast's two of each. */
  function extra(role: 'streamer' | 'brand', label: string): TestPerson {
    const userId = randomUUID();
    return {
      userId,
      email: `${label}-${userId.slice(0, 8)}@test.gametriggers.dev`,
      role,
      permissions: [],
    };
  }

  /** Onboards `streamer` in the streamer service with these targeting facts. */
  async function onboarded(streamer: TestPerson, profile: OnboardedStreamerOptions) {
    return streamers.onboardedStreamer(await tokenFor(streamer), profile);
  }

  return {
    clock,
    issuer,
    brands,
    streamers,
    campaigns,
    participation,
    cast,
    tokenFor,
    as,
    runningCampaign,
    extra,
    onboarded,
    async close() {
      await participation.close();
      await campaigns.close();
      await Promise.all([brands.close(), streamers.close()]);
      await issuer.close();
    },
  };
}
export type ParticipationStack = Awaited<ReturnType<typeof startParticipationStack>>;
