import { randomUUID } from 'node:crypto';
import type { EventPayload } from '@gametriggers/events';
import { fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrandHarness } from './testing/brand-harness';
import { sampleOnboarding, startBrandHarness } from './testing/brand-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
const cast = testCast();
const moderatorId = randomUUID();
let issuer: TestTokenIssuer;
let harness: BrandHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

async function as(person: TestPerson) {
  return harness.client(await issuer.tokenFor(person));
}

function profileEventsOf(brandId: string) {
  return harness.db.outboxEvent.findMany({
    where: { type: 'brand.profile_changed', payload: { path: ['brandId'], equals: brandId } },
    orderBy: { occurredAt: 'asc' },
  });
}

/** A moderator's decision about the brand's text submitted at `contentSubmittedAt`, as the admin service sends it. */
function decision(brandId: string, contentSubmittedAt: Date) {
  return {
    itemId: randomUUID(),
    kind: 'brand_profile',
    subjectId: brandId,
    decidedBy: moderatorId,
    contentSubmittedAt: contentSubmittedAt.toISOString(),
  } satisfies EventPayload<'moderation.content_approved'>;
}

const publicProfileOf = async (brandId: string) =>
  (await as(cast.streamerA)).brand.publicProfile.query({ brandId });

describe('sending the public profile to moderation', () => {
  it('sends the text at onboarding and when its public part changes, not for other sections', async () => {
    const brand = await as(cast.brandA);
    clock.set('2026-03-10T18:00:00Z');
    await brand.brand.onboard.mutate(sampleOnboarding());
    clock.set('2026-03-10T18:05:00Z');
    await brand.brand.updateProfile.mutate({
      contactPerson: { name: 'Sam Lee', position: 'CMO' },
    });
    clock.set('2026-03-10T18:10:00Z');
    const updated = await brand.brand.updateProfile.mutate({
      companyInfo: { ...sampleOnboarding().companyInfo, name: 'Acme Energy' },
    });

    const events = await profileEventsOf(cast.brandA.userId);
    expect(events.map((event) => event.payload)).toEqual([
      {
        brandId: cast.brandA.userId,
        profile: {
          companyName: 'Acme Energy Drinks',
          industry: 'Beverages',
          website: 'https://acme.example.com',
          submittedAt: '2026-03-10T18:00:00.000Z',
        },
      },
      {
        brandId: cast.brandA.userId,
        profile: {
          companyName: 'Acme Energy',
          industry: 'Beverages',
          website: 'https://acme.example.com',
          submittedAt: '2026-03-10T18:10:00.000Z',
        },
      },
    ]);
    expect(updated.profileModeration).toEqual({ status: 'pending', reason: null, decidedAt: null });
  });
});

describe('moderation’s decisions', () => {
  it('hides rejected text from others until the brand changes it; the brand sees why', async () => {
    const brand = await as(cast.brandB);
    clock.set('2026-03-11T09:00:00Z');
    await brand.brand.onboard.mutate(
      sampleOnboarding({
        companyInfo: { name: 'Scam Coins', industry: 'Get rich quick', size: 'startup', website: 'https://scam.example.com' },
      }),
    );
    clock.set('2026-03-11T10:00:00Z');
    const decided = decision(cast.brandB.userId, new Date('2026-03-11T09:00:00Z'));
    await harness.events.send('moderation.content_rejected', { ...decided, reason: 'Misleading name' });

    expect(await publicProfileOf(cast.brandB.userId)).toEqual({
      brandId: cast.brandB.userId,
      companyName: 'Brand (profile hidden)',
      industry: 'Not shown',
      website: null,
      verified: false,
    });
    const own = await brand.brand.me.query();
    expect(own?.companyInfo.name).toBe('Scam Coins');
    expect(own?.profileModeration).toEqual({
      status: 'rejected',
      reason: 'Misleading name',
      decidedAt: new Date('2026-03-11T10:00:00Z'),
    });

    clock.set('2026-03-11T11:00:00Z');
    const edited = await brand.brand.updateProfile.mutate({
      companyInfo: { name: 'Honest Coins', industry: 'Finance', size: 'startup' },
    });
    expect(edited.profileModeration).toEqual({ status: 'pending', reason: null, decidedAt: null });
    expect(await publicProfileOf(cast.brandB.userId)).toMatchObject({
      companyName: 'Honest Coins',
      industry: 'Finance',
    });
  });

  it('ignores a decision about text since changed; an approval clears a rejection', async () => {
    const brandC = testCast().brandA;
    const brand = await as(brandC);
    clock.set('2026-03-12T09:00:00Z');
    await brand.brand.onboard.mutate(sampleOnboarding());
    clock.set('2026-03-12T09:30:00Z');
    await brand.brand.updateProfile.mutate({
      companyInfo: { ...sampleOnboarding().companyInfo, name: 'Acme Two' },
    });

    const aboutFirstText = decision(brandC.userId, new Date('2026-03-12T09:00:00Z'));
    await harness.events.send('moderation.content_rejected', { ...aboutFirstText, reason: 'Old name was rude' });
    expect(await publicProfileOf(brandC.userId)).toMatchObject({ companyName: 'Acme Two' });
    expect((await brand.brand.me.query())?.profileModeration?.status).toBe('pending');

    const aboutCurrentText = decision(brandC.userId, new Date('2026-03-12T09:30:00Z'));
    await harness.events.send('moderation.content_rejected', { ...aboutCurrentText, reason: 'Still rude' });
    expect(await publicProfileOf(brandC.userId)).toMatchObject({ companyName: 'Brand (profile hidden)' });

    await harness.events.send('moderation.content_approved', decision(brandC.userId, new Date('2026-03-12T09:30:00Z')));
    expect(await publicProfileOf(brandC.userId)).toMatchObject({ companyName: 'Acme Two' });
    expect((await brand.brand.me.query())?.profileModeration).toMatchObject({ status: 'approved', reason: null });
  });

  it('leaves decisions about other kinds of content alone', async () => {
    await harness.events.send('moderation.content_rejected', {
      ...decision(cast.brandA.userId, new Date('2026-03-20T00:00:00Z')),
      kind: 'campaign_creative',
      reason: 'About a campaign',
    });
    expect(await publicProfileOf(cast.brandA.userId)).toMatchObject({ companyName: 'Acme Energy' });
  });
});
