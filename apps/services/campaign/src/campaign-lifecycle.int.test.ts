import { randomUUID } from 'node:crypto';
import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import type { CampaignInput } from '@gametriggers/contracts';
import type { EventType } from '@gametriggers/events';
import { createQueueSet } from '@gametriggers/events';
import {
  failure,
  runningClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endJobId, startJobId } from './jobs/campaign-scheduler';
import { CAMPAIGN_SCHEDULE_QUEUE } from './jobs/campaign-scheduler';
import type { CampaignHarness } from './testing/campaign-harness';
import {
  SAMPLE_CREATIVE_ASSET_ID,
  STAND_IN_CREATIVE_HOST,
  approvedCreatives,
  sampleCampaign,
  startCampaignHarness,
} from './testing/campaign-harness';
import { eventually } from './testing/eventually';

let issuer: TestTokenIssuer;
let brands: BrandHarness;
let harness: CampaignHarness;
/**
 * The stack's clock: from 14:00 New York on, at real speed, because start and end jobs wait on real
 * timers; submitting runs it a little behind (see `submitted`).
 */
const clock = runningClock(testInstants.newYorkAfternoon);
const cast = testCast();
/** The asset service's stand-in: every upload an approved image unless a test says otherwise. */
const creatives = approvedCreatives();
let tokens: Record<keyof typeof cast, string>;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  brands = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  harness = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: brands.url,
    streamerServiceUrl: 'http://127.0.0.1:9',
    sweepEveryMs: 1_000,
    clock,
    assets: creatives,
  });
  tokens = Object.fromEntries(
    await Promise.all(
      Object.entries(cast).map(async ([name, person]) => [name, await issuer.tokenFor(person)]),
    ),
  ) as typeof tokens;
  await brands.verifiedBrand(tokens.brandA, tokens.superAdmin);
  await brands.onboardedBrand(tokens.brandB, {
    companyInfo: { name: 'Bolt Gear', industry: 'Hardware', size: 'small' },
  });
});
afterAll(async () => {
  await harness.close();
  await brands.close();
  await issuer.close();
});

const brandA = () => harness.client(tokens.brandA);
const admin = () => harness.client(tokens.superAdmin);
const seconds = (count: number) => new Date(clock.now().getTime() + count * 1_000);
/** Waits in real time until the stack's clock is just past `moment`. */
const reach = (moment: Date) =>
  new Promise((resolve) => setTimeout(resolve, moment.getTime() - clock.now().getTime() + 20));

async function draft(overrides: Partial<CampaignInput> = {}) {
  return brandA().campaign.create.mutate(sampleCampaign(overrides, clock.now()));
}

/**
 * Submits with the service's clock 10 s behind, so a start a moment ahead is still ahead however
 * slowly a loaded machine gets there (a start a minute past is refused all the same).
 */
async function submitted(overrides: Partial<CampaignInput> = {}) {
  const campaign = await draft(overrides);
  clock.advance(-10_000);
  try {
    return await brandA().campaign.submit.mutate({ campaignId: campaign.id });
  } finally {
    clock.advance(10_000);
  }
}

async function approved(overrides: Partial<CampaignInput> = {}) {
  const campaign = await submitted(overrides);
  return admin().campaign.approve.mutate({ campaignId: campaign.id });
}

/** A campaign that is active and started: submitted with a start a moment ahead, approved after it. */
async function running(overrides: Partial<CampaignInput> = {}) {
  const campaign = await submitted({ startsAt: seconds(0.5), ...overrides });
  await reach(campaign.startsAt);
  return admin().campaign.approve.mutate({ campaignId: campaign.id });
}

async function eventsOf(campaignId: string) {
  const rows = await harness.db.$queryRaw<
    Array<{ type: string; payload: Record<string, unknown> }>
  >`
    SELECT "type", "payload" FROM "outbox_events" WHERE "payload"->>'campaignId' = ${campaignId} ORDER BY "occurredAt", "type"`;
  return rows;
}
const typesOf = async (campaignId: string) => (await eventsOf(campaignId)).map((row) => row.type);

describe('creating a draft', () => {
  it('stores a draft with defaults and the whole budget remaining', async () => {
    const campaign = await brandA().campaign.create.mutate({
      ...sampleCampaign({}, clock.now()),
      languages: undefined,
      regions: undefined,
      gkeyCooloffHours: undefined,
      joinMode: undefined,
    });
    expect(campaign).toMatchObject({
      brandId: cast.brandA.userId,
      status: 'draft',
      languages: [],
      regions: [],
      gkeyCooloffHours: 720,
      joinMode: 'open',
      budgetCents: 500_000,
      remainingBudgetCents: 500_000,
      spentCents: 0,
      activeParticipantCount: 0,
      allowedActions: ['edit', 'submit', 'cancel'],
      running: false,
    });
  });

  it.each([
    ['a budget under $100', { budgetCents: 9_999 }, 'budgetCents', /at least \$100/],
    [
      'a budget under the rate',
      { budgetCents: 10_000, pricing: { model: 'fixed' as const, rateCents: 20_000 } },
      'budgetCents',
      /cover at least the rate/,
    ],
    [
      'an end before the start',
      { startsAt: seconds(7200), endsAt: seconds(3600) },
      'endsAt',
      /after the start/,
    ],
    [
      'a plain http link',
      { clickThroughUrl: 'http://acme.example.com' },
      'clickThroughUrl',
      /https/,
    ],
    [
      'six categories',
      {
        categories: [
          'fps',
          'moba',
          'rpg',
          'indie',
          'retro',
          'music',
        ] as CampaignInput['categories'],
      },
      'categories',
      /at most 5/,
    ],
    ['no category', { categories: [] }, 'categories', /at least one/],
    [
      'a 2-second ad',
      { frequency: { adDurationSeconds: 2, minMinutesBetweenShows: 10, maxShowsPerHour: 4 } },
      'frequency.adDurationSeconds',
      /at least 5/,
    ],
  ])('refuses %s with a message on the field', async (_label, overrides, field, message) => {
    const error = await failure(draft(overrides));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors?.[field]?.join(' ')).toMatch(message);
  });
});

describe('editing a draft or rejected campaign', () => {
  it('changes any field; a new budget is all remaining', async () => {
    const campaign = await draft();
    const edited = await brandA().campaign.update.mutate({
      campaignId: campaign.id,
      patch: {
        title: 'Renamed',
        budgetCents: 800_000,
        regions: [],
        pricing: { model: 'cpc', rateCents: 40 },
      },
    });
    expect(edited).toMatchObject({
      title: 'Renamed',
      budgetCents: 800_000,
      remainingBudgetCents: 800_000,
      regions: [],
      pricing: { model: 'cpc', rateCents: 40 },
      status: 'draft',
      description: campaign.description,
    });
  });

  it('checks the rules on the campaign with the patch applied', async () => {
    const campaign = await draft();
    const error = await failure(
      brandA().campaign.update.mutate({
        campaignId: campaign.id,
        patch: { endsAt: new Date(campaign.startsAt.getTime() - 1) },
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'invalid_campaign' });
    expect(error.details).toMatchObject({
      fieldErrors: { endsAt: ['The end must be after the start'] },
    });
  });

  it('stores the creative as its asset: kind, shown URL and thumbnail, asked as the brand’s own', async () => {
    const campaign = await draft();
    expect(campaign.creative).toEqual({
      assetId: SAMPLE_CREATIVE_ASSET_ID,
      type: 'image',
      url: `${STAND_IN_CREATIVE_HOST}/creatives/${SAMPLE_CREATIVE_ASSET_ID}.webp`,
      thumbnailUrl: `${STAND_IN_CREATIVE_HOST}/creatives/${SAMPLE_CREATIVE_ASSET_ID}-thumb.webp`,
      altText: 'An Acme Energy can',
    });
    expect(creatives.asked.at(-1)).toEqual({ assetId: SAMPLE_CREATIVE_ASSET_ID, brandId: cast.brandA.userId, approved: false });

    const video = randomUUID();
    creatives.asVideo(video);
    const edited = await brandA().campaign.update.mutate({ campaignId: campaign.id, patch: { creative: { assetId: video } } });
    expect(edited.creative).toEqual({
      assetId: video,
      type: 'video',
      url: `${STAND_IN_CREATIVE_HOST}/creatives/${video}.mp4`,
      thumbnailUrl: null,
      altText: null,
    });
    // The same upload again (a form sends every field) is not asked for again.
    const asked = creatives.asked.length;
    await brandA().campaign.update.mutate({ campaignId: campaign.id, patch: { creative: { assetId: video, altText: 'A can' } } });
    expect(creatives.asked).toHaveLength(asked);
    expect((await brandA().campaign.get.query({ campaignId: campaign.id })).creative).toMatchObject({ assetId: video, altText: 'A can' });
  });

  it.each([
    ['asset_not_found', 'BAD_REQUEST', 'creative_not_found'],
    ['asset_wrong_use', 'BAD_REQUEST', 'creative_wrong_use'],
    ['asset_not_ready', 'PRECONDITION_FAILED', 'creative_not_ready'],
    ['asset_refused', 'PRECONDITION_FAILED', 'creative_refused'],
    ['asset_rejected', 'PRECONDITION_FAILED', 'creative_rejected'],
  ] as const)('refuses an upload the asset service refuses (%s) at the creative field', async (why, code, reason) => {
    const assetId = randomUUID();
    creatives.refuse(assetId, why);
    const refusal = { code, reason, details: { fieldErrors: { 'creative.assetId': [expect.any(String)] } } };
    expect(await failure(draft({ creative: { assetId } }))).toMatchObject(refusal);
    const campaign = await draft();
    expect(
      await failure(brandA().campaign.update.mutate({ campaignId: campaign.id, patch: { creative: { assetId } } })),
    ).toMatchObject(refusal);
  });

  it('refuses an empty patch', async () => {
    const campaign = await draft();
    expect(
      await failure(brandA().campaign.update.mutate({ campaignId: campaign.id, patch: {} })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'nothing_to_change',
    });
  });
});

describe('review', () => {
  it('submits a verified brand’s campaign with its company name, and records campaign.submitted', async () => {
    const campaign = await submitted();
    expect(campaign).toMatchObject({
      status: 'pending_review',
      brandName: 'Acme Energy Drinks',
      allowedActions: ['cancel'],
    });
    expect(campaign.submittedAt).toBeInstanceOf(Date);
    expect(await eventsOf(campaign.id)).toEqual([
      {
        type: 'campaign.creative_submitted',
        payload: {
          campaignId: campaign.id,
          brandId: cast.brandA.userId,
          title: campaign.title,
          creative: {
            assetId: SAMPLE_CREATIVE_ASSET_ID,
            type: campaign.creative.type,
            url: campaign.creative.url,
            altText: campaign.creative.altText ?? null,
            clickThroughUrl: campaign.clickThroughUrl,
            description: campaign.description,
            submittedAt: campaign.submittedAt!.toISOString(),
          },
        },
      },
      {
        type: 'campaign.submitted',
        payload: { campaignId: campaign.id, brandId: cast.brandA.userId, title: campaign.title },
      },
    ]);
  });

  it('submits only with a creative moderation approved, asked of the asset service at submit', async () => {
    const assetId = randomUUID();
    creatives.refuse(assetId, 'asset_not_approved');
    // A draft can hold an upload waiting for moderation.
    const campaign = await draft({ creative: { assetId } });
    expect(await failure(brandA().campaign.submit.mutate({ campaignId: campaign.id }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'creative_not_approved',
      details: { fieldErrors: { 'creative.assetId': ['The creative is waiting for a moderator’s approval'] } },
    });
    expect(creatives.asked.at(-1)).toEqual({ assetId, brandId: cast.brandA.userId, approved: true });
    expect(await typesOf(campaign.id)).toEqual([]);
    creatives.allow(assetId);
    clock.advance(-10_000);
    try {
      expect(await brandA().campaign.submit.mutate({ campaignId: campaign.id })).toMatchObject({ status: 'pending_review' });
    } finally {
      clock.advance(10_000);
    }
  });

  it('refuses to submit a campaign from before uploads until it has an uploaded creative', async () => {
    const campaign = await draft();
    await harness.db.campaign.update({
      where: { id: campaign.id },
      data: { creativeAssetId: null, creativeUrl: 'https://cdn.example.com/acme/can.png', creativeThumbnailUrl: null },
    });
    expect((await brandA().campaign.get.query({ campaignId: campaign.id })).creative).toMatchObject({
      assetId: null,
      url: 'https://cdn.example.com/acme/can.png',
    });
    expect(await failure(brandA().campaign.submit.mutate({ campaignId: campaign.id }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'creative_not_uploaded',
      details: { fieldErrors: { 'creative.assetId': ['Upload the creative'] } },
    });
    const uploaded = await brandA().campaign.update.mutate({ campaignId: campaign.id, patch: { creative: { assetId: SAMPLE_CREATIVE_ASSET_ID } } });
    expect(uploaded.creative.assetId).toBe(SAMPLE_CREATIVE_ASSET_ID);
  });

  it('refuses to submit for an unverified or not onboarded brand', async () => {
    const own = await harness
      .client(tokens.brandB)
      .campaign.create.mutate(sampleCampaign({}, clock.now()));
    expect(
      await failure(harness.client(tokens.brandB).campaign.submit.mutate({ campaignId: own.id })),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'brand_not_verified',
      details: { verificationStatus: 'unverified' },
    });
    const newcomer = testCast().brandA;
    const token = await issuer.tokenFor(newcomer);
    const theirs = await harness
      .client(token)
      .campaign.create.mutate(sampleCampaign({}, clock.now()));
    const notOnboarded = await failure(
      harness.client(token).campaign.submit.mutate({ campaignId: theirs.id }),
    );
    expect(notOnboarded).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'brand_not_verified',
    });
    expect(notOnboarded.message).toMatch(/Complete your brand profile/);
  });

  it('refuses to submit a campaign whose start has passed', async () => {
    const campaign = await draft({ startsAt: seconds(-60) });
    expect(
      await failure(brandA().campaign.submit.mutate({ campaignId: campaign.id })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'start_in_past',
    });
  });

  it('cannot edit while in review', async () => {
    const campaign = await submitted();
    expect(
      await failure(
        brandA().campaign.update.mutate({ campaignId: campaign.id, patch: { title: 'Sneaky' } }),
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'invalid_status_transition' });
  });

  it('rejects with a reason; editing returns to draft; resubmitting clears the rejection', async () => {
    const campaign = await submitted();
    const rejected = await admin().campaign.reject.mutate({
      campaignId: campaign.id,
      reason: 'The creative is blurry.',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The creative is blurry.',
      rejectedBy: cast.superAdmin.userId,
    });
    const edited = await brandA().campaign.update.mutate({
      campaignId: campaign.id,
      patch: { creative: { assetId: randomUUID() } },
    });
    expect(edited).toMatchObject({ status: 'draft', rejectionReason: 'The creative is blurry.' });
    const again = await brandA().campaign.submit.mutate({ campaignId: campaign.id });
    expect(again).toMatchObject({
      status: 'pending_review',
      rejectionReason: null,
      rejectedAt: null,
    });
    expect(await typesOf(campaign.id)).toEqual([
      'campaign.creative_submitted',
      'campaign.submitted',
      'campaign.rejected',
      'campaign.creative_submitted',
      'campaign.submitted',
    ]);
  });

  it('approves a future campaign as active but not launched; the start job launches it', async () => {
    const campaign = await approved({ startsAt: seconds(4) });
    expect(campaign).toMatchObject({
      status: 'active',
      running: false,
      launchedAt: null,
      approvedBy: cast.superAdmin.userId,
    });
    const launched = await eventually(async () => {
      const current = await brandA().campaign.get.query({ campaignId: campaign.id });
      return current.launchedAt ? current : null;
    });
    expect(launched.running).toBe(true);
    expect(launched.launchedAt!.getTime()).toBeGreaterThanOrEqual(campaign.startsAt.getTime());
    expect(await typesOf(campaign.id)).toEqual([
      'campaign.creative_submitted',
      'campaign.submitted',
      'campaign.approved',
      'campaign.launched',
    ]);
  });

  it('launches at once when approved after the start', async () => {
    const campaign = await running();
    expect(campaign).toMatchObject({ status: 'active', running: true });
    expect(campaign.launchedAt).toBeInstanceOf(Date);
    expect(await typesOf(campaign.id)).toEqual([
      'campaign.creative_submitted',
      'campaign.submitted',
      'campaign.approved',
      'campaign.launched',
    ]);
  });

  it('refuses to approve a campaign whose end has passed', async () => {
    const campaign = await submitted({ startsAt: seconds(0.3), endsAt: seconds(0.6) });
    await reach(campaign.endsAt);
    expect(
      await failure(admin().campaign.approve.mutate({ campaignId: campaign.id })),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'campaign_already_ended',
    });
  });
});

describe('the schedule', () => {
  it('completes a campaign at its end through the end job', async () => {
    const campaign = await running({ endsAt: seconds(2) });
    const completed = await eventually(async () => {
      const current = await brandA().campaign.get.query({ campaignId: campaign.id });
      return current.status === 'completed' ? current : null;
    });
    expect(completed.completedReason).toBe('end_date');
    expect(completed.completedAt!.getTime()).toBeGreaterThanOrEqual(campaign.endsAt.getTime());
    expect((await eventsOf(campaign.id)).at(-1)).toMatchObject({
      type: 'campaign.completed',
      payload: { reason: 'end_date' },
    });
  });

  it('moves the end job when the end is extended', async () => {
    const campaign = await approved();
    const queue = new Queue(CAMPAIGN_SCHEDULE_QUEUE, {
      connection: { url: harness.config.REDIS_URL },
      prefix: harness.config.queuePrefix!,
    });
    try {
      expect(await queue.getJob(startJobId(campaign))).toBeDefined();
      expect(await queue.getJob(endJobId(campaign))).toBeDefined();
      const extended = await brandA().campaign.update.mutate({
        campaignId: campaign.id,
        patch: { endsAt: new Date(campaign.endsAt.getTime() + 86_400_000) },
      });
      expect(await queue.getJob(endJobId(campaign))).toBeUndefined();
      const moved = await queue.getJob(endJobId(extended));
      expect(moved?.delay).toBeGreaterThan(
        extended.endsAt.getTime() - clock.now().getTime() - 5_000,
      );
      expect(await queue.getJob(startJobId(extended))).toBeDefined();

      await brandA().campaign.cancel.mutate({ campaignId: campaign.id });
      expect(await queue.getJob(startJobId(extended))).toBeUndefined();
      expect(await queue.getJob(endJobId(extended))).toBeUndefined();
    } finally {
      await queue.close();
    }
  });
});

describe('editing a live campaign', () => {
  it('takes description, a later end, budget, participant limit and frequency', async () => {
    const campaign = await approved();
    const edited = await brandA().campaign.update.mutate({
      campaignId: campaign.id,
      patch: {
        description: 'Now with a second flavour to show.',
        endsAt: new Date(campaign.endsAt.getTime() + 3_600_000),
        budgetCents: 700_000,
        maxParticipants: 50,
        frequency: { adDurationSeconds: 30, minMinutesBetweenShows: 15, maxShowsPerHour: 2 },
        title: campaign.title, // unchanged values are not changes
      },
    });
    expect(edited).toMatchObject({
      status: 'active',
      budgetCents: 700_000,
      remainingBudgetCents: 700_000,
      maxParticipants: 50,
    });
  });

  it('refuses other fields, an earlier end, and a participant limit below those taking part', async () => {
    const campaign = await approved();
    const locked = await failure(
      brandA().campaign.update.mutate({
        campaignId: campaign.id,
        patch: { title: 'New title', pricing: { model: 'cpc', rateCents: 10 } },
      }),
    );
    expect(locked).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'field_locked_while_live',
    });
    expect(Object.keys(locked.details?.fieldErrors as object)).toEqual(['title', 'pricing']);
    expect(
      await failure(
        brandA().campaign.update.mutate({
          campaignId: campaign.id,
          patch: { endsAt: new Date(campaign.endsAt.getTime() - 1_000) },
        }),
      ),
    ).toMatchObject({ reason: 'end_not_extended' });
    await harness.db.campaign.update({
      where: { id: campaign.id },
      data: { activeParticipantCount: 3 },
    });
    expect(
      await failure(
        brandA().campaign.update.mutate({ campaignId: campaign.id, patch: { maxParticipants: 2 } }),
      ),
    ).toMatchObject({ reason: 'participant_limit_below_current' });
  });

  it('moves the remaining budget with the budget, never below what is spent', async () => {
    const campaign = await approved();
    await harness.db.campaign.update({
      where: { id: campaign.id },
      data: { remainingBudgetCents: 200_000 },
    }); // $3,000 spent
    const lowered = await brandA().campaign.update.mutate({
      campaignId: campaign.id,
      patch: { budgetCents: 400_000 },
    });
    expect(lowered).toMatchObject({
      budgetCents: 400_000,
      remainingBudgetCents: 100_000,
      spentCents: 300_000,
    });
    const belowSpent = await failure(
      brandA().campaign.update.mutate({ campaignId: campaign.id, patch: { budgetCents: 299_999 } }),
    );
    expect(belowSpent).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'budget_below_spent' });
    expect(belowSpent.message).toMatch(/\$3000\.00 already spent/);
  });
});

describe('pause, resume, end, cancel', () => {
  it('pauses and resumes for the brand, with events', async () => {
    const campaign = await running();
    const paused = await brandA().campaign.pause.mutate({ campaignId: campaign.id });
    expect(paused).toMatchObject({
      status: 'paused',
      pausedBy: 'brand',
      running: false,
      allowedActions: ['edit', 'resume', 'end', 'cancel'],
    });
    const resumed = await brandA().campaign.resume.mutate({ campaignId: campaign.id });
    expect(resumed).toMatchObject({ status: 'active', pausedBy: null, running: true });
    const events = await eventsOf(campaign.id);
    expect(events.slice(-2)).toMatchObject([
      { type: 'campaign.paused', payload: { by: 'brand' } },
      { type: 'campaign.resumed' },
    ]);
  });

  it('an admin’s emergency pause can only be lifted by an admin, and a brand’s pause only by the brand', async () => {
    const campaign = await running();
    const reason = 'Creative reported as misleading.';
    await admin().campaign.oversight.emergencyPause.mutate({ campaignId: campaign.id, reason });
    const seenByBrand = await brandA().campaign.get.query({ campaignId: campaign.id });
    expect(seenByBrand).toMatchObject({ pausedBy: 'admin', pauseReason: reason });
    expect(seenByBrand.allowedActions).not.toContain('resume');
    expect(
      await failure(brandA().campaign.resume.mutate({ campaignId: campaign.id })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'paused_by_admin',
    });
    await expect(
      admin().campaign.oversight.resume.mutate({
        campaignId: campaign.id,
        reason: 'Creative fixed.',
      }),
    ).resolves.toMatchObject({ status: 'active', pausedBy: null, pauseReason: null });

    await brandA().campaign.pause.mutate({ campaignId: campaign.id });
    const seenByAdmin = await admin().campaign.get.query({ campaignId: campaign.id });
    expect(seenByAdmin.allowedActions).not.toContain('resume');
    expect(
      await failure(
        admin().campaign.oversight.resume.mutate({ campaignId: campaign.id, reason: 'Not mine.' }),
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'paused_by_brand' });
  });

  it('launches on resume when the start passed while paused', async () => {
    const campaign = await approved({ startsAt: seconds(0.5) });
    await brandA().campaign.pause.mutate({ campaignId: campaign.id });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await brandA().campaign.get.query({ campaignId: campaign.id })).launchedAt).toBeNull();
    const resumed = await brandA().campaign.resume.mutate({ campaignId: campaign.id });
    expect(resumed.launchedAt).toBeInstanceOf(Date);
    expect((await typesOf(campaign.id)).slice(-2)).toEqual([
      'campaign.resumed',
      'campaign.launched',
    ]);
  });

  it('ends early as completed by the brand; nothing can follow', async () => {
    const campaign = await running();
    const ended = await brandA().campaign.end.mutate({ campaignId: campaign.id });
    expect(ended).toMatchObject({
      status: 'completed',
      completedReason: 'ended_by_brand',
      allowedActions: [],
    });
    expect((await eventsOf(campaign.id)).at(-1)).toMatchObject({
      type: 'campaign.completed',
      payload: { reason: 'ended_by_brand' },
    });
    expect(
      await failure(brandA().campaign.pause.mutate({ campaignId: campaign.id })),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'invalid_status_transition',
      message: 'A campaign that is completed cannot be paused (only when active).',
    });
    expect(
      await failure(brandA().campaign.cancel.mutate({ campaignId: campaign.id })),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('cancels from draft, review, active and paused', async () => {
    const fromDraft = await draft();
    const fromReview = await submitted();
    const fromActive = await approved();
    const fromPaused = await running();
    await brandA().campaign.pause.mutate({ campaignId: fromPaused.id });
    for (const campaign of [fromDraft, fromReview, fromActive]) {
      await expect(
        brandA().campaign.cancel.mutate({ campaignId: campaign.id }),
      ).resolves.toMatchObject({
        status: 'cancelled',
        cancelledBy: 'brand',
      });
    }
    await expect(
      admin().campaign.oversight.forceCancel.mutate({
        campaignId: fromPaused.id,
        reason: 'Fraudulent brand account.',
      }),
    ).resolves.toMatchObject({
      cancelledBy: 'admin',
      closedByAdminReason: 'Fraudulent brand account.',
    });
    expect((await eventsOf(fromPaused.id)).at(-1)).toMatchObject({
      type: 'campaign.cancelled',
      payload: { by: 'admin' },
    });
  });
});

describe('auto-completion sweep', () => {
  it('completes a CPM campaign that cannot pay for 100 more impressions', async () => {
    const campaign = await running(); // $15 CPM: 100 impressions cost 150 cents
    await harness.db.campaign.update({
      where: { id: campaign.id },
      data: { remainingBudgetCents: 149 },
    });
    const completed = await eventually(async () => {
      const current = await brandA().campaign.get.query({ campaignId: campaign.id });
      return current.status === 'completed' ? current : null;
    });
    expect(completed.completedReason).toBe('budget_spent');
  });

  it('completes a campaign that reached its impression target', async () => {
    const campaign = await running({ targetImpressions: 1_000 });
    await harness.db.campaign.update({ where: { id: campaign.id }, data: { impressions: 1_000 } });
    await eventually(
      async () =>
        (await brandA().campaign.get.query({ campaignId: campaign.id })).completedReason ===
        'target_reached',
    );
  });

  it('completes a campaign nobody took part in for 7 days after launch', async () => {
    const campaign = await running();
    await harness.db.campaign.update({
      where: { id: campaign.id },
      data: { launchedAt: new Date(clock.now().getTime() - 8 * 86_400_000) },
    });
    await eventually(
      async () =>
        (await brandA().campaign.get.query({ campaignId: campaign.id })).completedReason ===
        'inactive',
    );
  });

  it('leaves healthy running campaigns alone', async () => {
    const campaign = await running();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await brandA().campaign.get.query({ campaignId: campaign.id })).status).toBe('active');
  });
});

describe('participation events', () => {
  async function publish(
    type: EventType,
    campaignId: string,
    participationId: string,
    options: { eventId?: string; occurredAt?: Date } = {},
  ) {
    const eventId = options.eventId ?? randomUUID();
    const occurredAt = options.occurredAt ?? clock.now();
    const queues = createQueueSet(harness.config.REDIS_URL, harness.config.queuePrefix);
    try {
      const payload = {
        participationId,
        campaignId,
        brandId: cast.brandA.userId,
        streamerId: cast.streamerA.userId,
        clickCode: 'testclickcode',
        ...(type === 'participation.removed'
          ? { reason: 'brand_decision', forfeitEarnings: false, removedBy: cast.brandA.userId }
          : {}),
      };
      // A fresh job id per delivery: a redelivered event must be caught by its event id.
      await queues
        .queueFor('campaign')
        .add(
          type,
          { id: eventId, type, payload, occurredAt: occurredAt.toISOString() },
          { jobId: randomUUID() },
        );
    } finally {
      await queues.close();
    }
    return eventId;
  }
  const countOf = async (campaignId: string) =>
    (await brandA().campaign.get.query({ campaignId })).activeParticipantCount;

  it('counts each delivering participation once, whatever arrives twice or out of order', async () => {
    const campaign = await running();
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    const joined = await publish('participation.joined', campaign.id, first);
    await publish('participation.approved', campaign.id, second);
    await publish('participation.joined', campaign.id, first, { eventId: joined }); // redelivered
    await eventually(async () => (await countOf(campaign.id)) === 2);

    // A pause and then a leave count the streamer out once, not twice.
    await publish('participation.paused', campaign.id, first);
    await publish('participation.left', campaign.id, first);
    await eventually(async () => (await countOf(campaign.id)) === 1);

    // An older event arriving late does not undo a newer one.
    await publish('participation.resumed', campaign.id, third, { occurredAt: clock.now() });
    await publish('participation.paused', campaign.id, third, {
      occurredAt: new Date(clock.now().getTime() - 60_000),
    });
    await eventually(async () => (await countOf(campaign.id)) === 2);

    const leftAt = clock.now();
    await publish('participation.removed', campaign.id, second, { occurredAt: leftAt });
    await publish('participation.left', campaign.id, third, { occurredAt: leftAt });
    const after = await eventually(async () => {
      const current = await brandA().campaign.get.query({ campaignId: campaign.id });
      return current.activeParticipantCount === 0 ? current : null;
    });
    expect(after.lastParticipantLeftAt?.getTime()).toBe(leftAt.getTime());
  });

  it('counts nobody once the campaign ends, even for an event that arrives after the end', async () => {
    const campaign = await running();
    await publish('participation.joined', campaign.id, randomUUID());
    await eventually(async () => (await countOf(campaign.id)) === 1);
    const ended = await brandA().campaign.end.mutate({ campaignId: campaign.id });
    expect(ended.activeParticipantCount).toBe(0);

    const late = randomUUID();
    await publish('participation.joined', campaign.id, late);
    await eventually(async () =>
      harness.db.campaignParticipant.findUnique({ where: { participationId: late } }),
    );
    expect(await countOf(campaign.id)).toBe(0);
  });
});

describe('lists', () => {
  it('pages a brand’s campaigns newest first, filters by status and counts each status', async () => {
    const person = testCast().brandA;
    const token = await issuer.tokenFor(person);
    const own = harness.client(token);
    const created = [];
    for (let index = 0; index < 5; index += 1)
      created.push(
        await own.campaign.create.mutate(
          sampleCampaign({ title: `Campaign ${index}` }, clock.now()),
        ),
      );
    await own.campaign.cancel.mutate({ campaignId: created[0]!.id });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await own.campaign.listMine.query({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.counts).toMatchObject({ all: 5, draft: 4, cancelled: 1, active: 0 });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(created.map((campaign) => campaign.id).reverse());

    const drafts = await own.campaign.listMine.query({ status: 'draft', limit: 20 });
    expect(drafts.items.map((item) => item.id)).toEqual(
      created
        .slice(1)
        .map((campaign) => campaign.id)
        .reverse(),
    );
    expect(drafts.nextCursor).toBeNull();
    expect(await failure(own.campaign.listMine.query({ cursor: 'not-a-cursor' }))).toMatchObject({
      reason: 'invalid_cursor',
    });
  });

  it('gives admins the review queue oldest first', async () => {
    const first = await submitted({ title: 'Queue first' });
    const second = await submitted({ title: 'Queue second' });
    const queue = await admin().campaign.adminList.query({ status: 'pending_review', limit: 100 });
    const ids = queue.items.map((item) => item.id);
    expect(queue.items.every((item) => item.status === 'pending_review')).toBe(true);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.items[0]!.allowedActions).toEqual(['approve', 'reject', 'cancel']);
    expect(queue.counts.pending_review).toBe(queue.items.length);

    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin().campaign.adminList.query({
        status: 'pending_review',
        limit: 1,
        cursor,
      });
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(ids);
    const { nextCursor: brandListCursor } = await brandA().campaign.listMine.query({ limit: 1 });
    expect(
      await failure(admin().campaign.adminList.query({ cursor: brandListCursor ?? undefined })),
    ).toMatchObject({ reason: 'invalid_cursor' });
  });
});
