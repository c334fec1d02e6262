import { randomUUID } from 'node:crypto';
import { errorOf, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestCast, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from './generated/prisma/client';
import type { AssetHarness } from './testing/asset-harness';
import { startAssetHarness } from './testing/asset-harness';
import { fileOf, imageBytes, pdfBytes } from './testing/media-fixtures';

let issuer: TestTokenIssuer;
let harness: AssetHarness;
const owner = testCast().brandA;
/** Brand A's uploads, checked once; each case works on its own copy of a row. */
let document: Asset;
let creative: Asset;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAssetHarness({ jwksUrl: issuer.jwksUrl });
  const token = await issuer.tokenFor(owner);
  const documentId = await harness.upload(token, 'verificationDocument', fileOf(pdfBytes(), 'registration.pdf', 'application/pdf'));
  const creativeId = await harness.upload(token, 'campaignCreative', fileOf(await imageBytes('png'), 'ad.png', 'image/png'));
  await harness.settled(documentId);
  await harness.settled(creativeId);
  document = await harness.db.asset.findUniqueOrThrow({ where: { id: documentId } });
  // Approved by moderation, as a creative must be before others see it (cases below copy it back to pending).
  creative = await harness.db.asset.update({ where: { id: creativeId }, data: { moderation: 'approved' } });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

type Client = ReturnType<AssetHarness['client']>;
type Who = 'anonymous' | 'owner' | 'otherBrand' | 'streamer' | 'brandVerifier' | 'streamerVerifier' | 'otherAdmin';
const everyone: Who[] = ['anonymous', 'owner', 'otherBrand', 'streamer', 'brandVerifier', 'streamerVerifier', 'otherAdmin'];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

interface ProcedureCase {
  /** Which of brand A's uploads the case gets a copy of (a creative approved by moderation, or still pending). */
  asset: 'document' | 'creative' | 'pendingCreative';
  call: (client: Client, assetId: string, cast: TestCast) => Promise<unknown>;
  expected: Record<Who, Outcome>;
  /** Who changes the asset's row by calling (everyone else leaves it as it was). */
  changes?: Who[];
}

const privateDocumentReaders: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  owner: 'ok',
  otherBrand: 'NOT_FOUND',
  streamer: 'NOT_FOUND',
  brandVerifier: 'ok',
  streamerVerifier: 'FORBIDDEN',
  otherAdmin: 'FORBIDDEN',
};
const signedIn: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  owner: 'ok',
  otherBrand: 'ok',
  streamer: 'ok',
  brandVerifier: 'ok',
  streamerVerifier: 'ok',
  otherAdmin: 'ok',
};
const ownerOnly: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  owner: 'ok',
  otherBrand: 'NOT_FOUND',
  streamer: 'NOT_FOUND',
  brandVerifier: 'NOT_FOUND',
  streamerVerifier: 'NOT_FOUND',
  otherAdmin: 'NOT_FOUND',
};
const servicesOnly: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  owner: 'FORBIDDEN',
  otherBrand: 'FORBIDDEN',
  streamer: 'FORBIDDEN',
  brandVerifier: 'FORBIDDEN',
  streamerVerifier: 'FORBIDDEN',
  otherAdmin: 'FORBIDDEN',
};

const procedures: Record<string, ProcedureCase> = {
  'asset.get (private document)': {
    asset: 'document',
    call: (client, assetId) => client.asset.get.query({ assetId }),
    expected: privateDocumentReaders,
  },
  'asset.get (public creative)': {
    asset: 'creative',
    call: (client, assetId) => client.asset.get.query({ assetId }),
    expected: signedIn,
  },
  'asset.get (creative awaiting moderation)': {
    asset: 'pendingCreative',
    call: (client, assetId) => client.asset.get.query({ assetId }),
    expected: { ...ownerOnly, brandVerifier: 'ok', streamerVerifier: 'ok', otherAdmin: 'ok' },
  },
  'asset.signedUrl': {
    asset: 'document',
    call: (client, assetId) => client.asset.signedUrl.mutate({ assetId }),
    expected: privateDocumentReaders,
  },
  'asset.listMine': {
    asset: 'document',
    call: (client) => client.asset.listMine.query({}),
    expected: signedIn,
  },
  'asset.delete': {
    asset: 'creative',
    call: (client, assetId) => client.asset.delete.mutate({ assetId }),
    expected: ownerOnly,
    changes: ['owner'],
  },
  'asset.internal.assertUsable': {
    asset: 'creative',
    call: (client, assetId) =>
      client.asset.internal.assertUsable.query({ assetId, ownerId: owner.userId, use: 'campaignCreative' }),
    // Only services; the service client is tested in asset-access.int.test.ts.
    expected: servicesOnly,
  },
};

async function clientFor(who: Who, cast: TestCast): Promise<Client> {
  const withPermissions = (permissions: TestCast['superAdmin']['permissions']) => ({ ...cast.powerlessAdmin, permissions });
  const person = {
    anonymous: undefined,
    owner,
    otherBrand: cast.brandB,
    streamer: cast.streamerA,
    brandVerifier: withPermissions(['canVerifyBrands']),
    streamerVerifier: withPermissions(['canVerifyStreamers']),
    otherAdmin: {
      ...cast.superAdmin,
      permissions: cast.superAdmin.permissions.filter((p) => p !== 'canVerifyBrands' && p !== 'canVerifyStreamers'),
    },
  }[who];
  return harness.client(person ? await issuer.tokenFor(person) : undefined);
}

async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return errorOf(error).code as Outcome;
  }
}

/** A copy of one of brand A's checked uploads under a new id (its store key reused, so it serves). */
async function copyOf(which: ProcedureCase['asset']): Promise<Asset> {
  const source = which === 'document' ? document : creative;
  const moderation = which === 'pendingCreative' ? 'pending' : source.moderation;
  return harness.db.asset.create({ data: { ...source, moderation, id: randomUUID(), fileKey: `${source.fileKey}-${randomUUID()}` } });
}

describe.each(Object.entries(procedures))('%s', (_name, procedure) => {
  it.each(everyone)('as %s', async (who) => {
    const cast = testCast();
    const asset = await copyOf(procedure.asset);

    const outcome = await outcomeOf(procedure.call(await clientFor(who, cast), asset.id, cast));
    expect(outcome).toBe(procedure.expected[who]);

    const after = await harness.db.asset.findUniqueOrThrow({ where: { id: asset.id } });
    if (procedure.changes?.includes(who)) expect(after).not.toEqual(asset);
    else expect(after).toEqual(asset);
  });
});

describe('ids cannot be probed', () => {
  it('answers another brand the same for an existing private document and a made-up id', async () => {
    const otherBrand = harness.client(await issuer.tokenFor(testCast().brandB));
    const existing = await outcomeOf(otherBrand.asset.get.query({ assetId: document.id }));
    const madeUp = await outcomeOf(otherBrand.asset.get.query({ assetId: randomUUID() }));
    expect([existing, madeUp]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });
});
