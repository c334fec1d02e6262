import { checkAdminAuthorization, errorOf, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestCast, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrandRouter } from './router';
import type { BrandHarness } from './testing/brand-harness';
import {
  sampleOnboarding,
  sampleVerificationRequest,
  startBrandHarness,
} from './testing/brand-harness';

let issuer: TestTokenIssuer;
let harness: BrandHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startBrandHarness({ jwksUrl: issuer.jwksUrl });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

type Client = ReturnType<BrandHarness['client']>;
type Who =
  'anonymous' | 'brandA' | 'brandB' | 'streamerA' | 'streamerB' | 'verifierAdmin' | 'otherAdmin';
const everyone: Who[] = [
  'anonymous',
  'brandA',
  'brandB',
  'streamerA',
  'streamerB',
  'verifierAdmin',
  'otherAdmin',
];
/** `ok`, or the tRPC code the call fails with. */
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

interface ProcedureCase {
  /** What brand A is before the call (brand B has never onboarded). */
  brandA: 'onboarded' | 'pending';
  call: (client: Client, cast: TestCast) => Promise<unknown>;
  expected: Record<Who, Outcome>;
  /** Brand A's status and name after the call by someone else: untouched unless they may change it. */
  changesBrandA?: Who[];
}

const brandsOnly = (own: Outcome, other: Outcome): Record<Who, Outcome> => ({
  anonymous: 'UNAUTHORIZED',
  brandA: own,
  brandB: other,
  streamerA: 'FORBIDDEN',
  streamerB: 'FORBIDDEN',
  verifierAdmin: 'FORBIDDEN',
  otherAdmin: 'FORBIDDEN',
});
const verifiersOnly: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  brandA: 'FORBIDDEN',
  brandB: 'FORBIDDEN',
  streamerA: 'FORBIDDEN',
  streamerB: 'FORBIDDEN',
  verifierAdmin: 'ok',
  otherAdmin: 'FORBIDDEN',
};
const anyAdmin: Record<Who, Outcome> = { ...verifiersOnly, otherAdmin: 'ok' };
const ownerAndAdmins: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  brandA: 'ok',
  brandB: 'NOT_FOUND',
  streamerA: 'FORBIDDEN',
  streamerB: 'FORBIDDEN',
  verifierAdmin: 'ok',
  otherAdmin: 'ok',
};

const procedures: Record<string, ProcedureCase> = {
  'brand.onboard': {
    brandA: 'onboarded',
    call: (client) => client.brand.onboard.mutate(sampleOnboarding()),
    // Brand B onboards itself; brand A already has its profile.
    expected: brandsOnly('CONFLICT', 'ok'),
  },
  'brand.me': {
    brandA: 'onboarded',
    call: async (client) => {
      const profile = await client.brand.me.query();
      return profile?.id;
    },
    expected: brandsOnly('ok', 'ok'),
  },
  'brand.updateProfile': {
    brandA: 'onboarded',
    call: (client) =>
      client.brand.updateProfile.mutate({
        companyInfo: { name: 'Taken Over Ltd', industry: 'Crime', size: 'small' },
      }),
    expected: brandsOnly('ok', 'NOT_FOUND'),
    changesBrandA: ['brandA'],
  },
  'brand.requestVerification': {
    brandA: 'onboarded',
    call: (client) => client.brand.requestVerification.mutate(sampleVerificationRequest()),
    expected: brandsOnly('ok', 'NOT_FOUND'),
    changesBrandA: ['brandA'],
  },
  'brand.verify': {
    brandA: 'pending',
    call: (client, cast) => client.brand.verify.mutate({ brandId: cast.brandA.userId }),
    expected: verifiersOnly,
    changesBrandA: ['verifierAdmin'],
  },
  'brand.reject': {
    brandA: 'pending',
    call: (client, cast) =>
      client.brand.reject.mutate({ brandId: cast.brandA.userId, reason: 'Documents do not match' }),
    expected: verifiersOnly,
    changesBrandA: ['verifierAdmin'],
  },
  'brand.get': {
    brandA: 'pending',
    call: (client, cast) => client.brand.get.query({ brandId: cast.brandA.userId }),
    expected: ownerAndAdmins,
  },
  'brand.verificationHistory': {
    brandA: 'pending',
    call: (client, cast) => client.brand.verificationHistory.query({ brandId: cast.brandA.userId }),
    expected: ownerAndAdmins,
  },
  'brand.publicProfile': {
    brandA: 'onboarded',
    call: (client, cast) => client.brand.publicProfile.query({ brandId: cast.brandA.userId }),
    expected: { ...ownerAndAdmins, brandB: 'ok', streamerA: 'ok', streamerB: 'ok' },
  },
  'brand.list': {
    brandA: 'pending',
    call: (client) => client.brand.list.query({ status: 'pending' }),
    expected: verifiersOnly,
  },
  'brand.admin.namesByIds': {
    brandA: 'onboarded',
    call: (client, cast) => client.brand.admin.namesByIds.query({ brandIds: [cast.brandA.userId] }),
    expected: anyAdmin,
  },
  'brand.internal.standing': {
    brandA: 'onboarded',
    call: (client, cast) => client.brand.internal.standing.query({ brandId: cast.brandA.userId }),
    // Only services; the service client is tested in the harness test.
    expected: {
      anonymous: 'UNAUTHORIZED',
      brandA: 'FORBIDDEN',
      brandB: 'FORBIDDEN',
      streamerA: 'FORBIDDEN',
      streamerB: 'FORBIDDEN',
      verifierAdmin: 'FORBIDDEN',
      otherAdmin: 'FORBIDDEN',
    },
  },
  'brand.internal.billingProfile': {
    brandA: 'onboarded',
    call: (client, cast) => client.brand.internal.billingProfile.query({ brandId: cast.brandA.userId }),
    // Only services; the service client is tested in the harness test.
    expected: {
      anonymous: 'UNAUTHORIZED',
      brandA: 'FORBIDDEN',
      brandB: 'FORBIDDEN',
      streamerA: 'FORBIDDEN',
      streamerB: 'FORBIDDEN',
      verifierAdmin: 'FORBIDDEN',
      otherAdmin: 'FORBIDDEN',
    },
  },
};

async function clientFor(who: Who, cast: TestCast): Promise<Client> {
  if (who === 'anonymous') return harness.client();
  const person =
    who === 'verifierAdmin'
      ? { ...cast.powerlessAdmin, permissions: ['canVerifyBrands' as const] }
      : who === 'otherAdmin'
        ? {
            ...cast.superAdmin,
            permissions: cast.superAdmin.permissions.filter((p) => p !== 'canVerifyBrands'),
          }
        : cast[who];
  return harness.client(await issuer.tokenFor(person));
}

async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return errorOf(error).code as Outcome;
  }
}

function standingOf(brandId: string) {
  return harness.serviceClient().brand.internal.standing.query({ brandId });
}

describe.each(Object.entries(procedures))('%s', (_name, procedure) => {
  it.each(everyone)('as %s', async (who) => {
    const cast = testCast();
    const brandA = harness.client(await issuer.tokenFor(cast.brandA));
    await brandA.brand.onboard.mutate(sampleOnboarding());
    if (procedure.brandA === 'pending') {
      await brandA.brand.requestVerification.mutate(sampleVerificationRequest());
    }
    const before = await standingOf(cast.brandA.userId);

    const outcome = await outcomeOf(procedure.call(await clientFor(who, cast), cast));
    expect(outcome).toBe(procedure.expected[who]);

    const after = await standingOf(cast.brandA.userId);
    if (procedure.changesBrandA?.includes(who)) expect(after).not.toEqual(before);
    else expect(after).toEqual(before);
  });
});

describe('what brand A and brand B see of each other', () => {
  it('gives brand B nothing of brand A’s profile but the public view', async () => {
    const cast = testCast();
    await harness.onboardedBrand(await issuer.tokenFor(cast.brandA));
    const brandB = harness.client(await issuer.tokenFor(cast.brandB));
    await expect(brandB.brand.me.query()).resolves.toBeNull();
    const seen = await brandB.brand.publicProfile.query({ brandId: cast.brandA.userId });
    expect(Object.keys(seen).sort()).toEqual([
      'brandId',
      'companyName',
      'industry',
      'verified',
      'website',
    ]);
    // The same answer for an existing and a made-up brand: ids cannot be probed.
    const existing = await outcomeOf(brandB.brand.get.query({ brandId: cast.brandA.userId }));
    const madeUp = await outcomeOf(brandB.brand.get.query({ brandId: testCast().brandA.userId }));
    expect([existing, madeUp]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });
});

describe('every admin procedure', () => {
  it('lets an admin with its permission past authorization, and no one else', async () => {
    const { checked, mismatches } = await checkAdminAuthorization({
      router: createBrandRouter(harness.service.deps),
      url: harness.url,
      tokenFor: (person) => issuer.tokenFor(person),
    });
    expect(checked.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
