import type { AssetHarness } from '@gametriggers/asset-service/testing';
import { fileOf, pdfBytes, startAssetHarness } from '@gametriggers/asset-service/testing';
import { adminWith, failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamerHarness } from './testing/streamer-harness';
import { startStreamerHarness } from './testing/streamer-harness';

// KYC documents through the real asset service: optional, and attached only when they are the
// streamer's own `kycDocument` uploads, checked and ready.

let issuer: TestTokenIssuer;
let assets: AssetHarness;
let streamers: StreamerHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  assets = await startAssetHarness({ jwksUrl: issuer.jwksUrl });
  streamers = await startStreamerHarness({ jwksUrl: issuer.jwksUrl, assetServiceUrl: assets.url });
});
afterAll(async () => {
  await streamers.close();
  await assets.close();
  await issuer.close();
});

/** A KYC upload of the person's, once its check has run. */
async function uploaded(person: TestPerson, bytes: Buffer, name: string) {
  const token = await issuer.tokenFor(person);
  const assetId = await assets.upload(token, 'kycDocument', fileOf(bytes, name, 'application/pdf'));
  return { assetId, state: (await assets.settled(assetId)).state };
}

/** A fresh streamer with a connected Twitch channel. */
async function onboarded(label: string) {
  const person: TestPerson = { ...testCast().streamerA, email: `${label}@example.com` };
  const token = await issuer.tokenFor(person);
  const { streamerId } = await streamers.onboardedStreamer(token, {
    displayName: label,
    categories: ['fps'],
    language: 'en',
    country: 'US',
  });
  return { person, streamerId, api: streamers.client(token) };
}

describe('KYC documents on a verification request', () => {
  it('attaches the streamer’s own checked file; a streamer verifier reads it, a brand verifier cannot', async () => {
    const { person, streamerId, api } = await onboarded('kycowner');
    const passport = await uploaded(person, pdfBytes(), 'Passport scan.pdf');
    expect(passport.state).toBe('ready');
    const requested = await api.streamer.verification.request.mutate({
      documents: [{ kind: 'identity', assetId: passport.assetId }],
    });
    expect(requested.latestRequest?.documents).toEqual([
      { kind: 'identity', assetId: passport.assetId, name: 'Passport scan.pdf', contentType: 'application/pdf' },
    ]);

    const verifier = await issuer.tokenFor(adminWith('canVerifyStreamers'));
    const review = await streamers.client(verifier).streamer.verification.review.query({ streamerId });
    const [document] = review.requests[0]!.documents;
    const signed = await assets.client(verifier).asset.signedUrl.mutate({ assetId: document!.assetId });
    const served = await fetch(signed.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdfBytes())).toBe(true);
    const brandVerifier = assets.client(await issuer.tokenFor(adminWith('canVerifyBrands')));
    expect(await failure(brandVerifier.asset.signedUrl.mutate({ assetId: passport.assetId }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'permission_required',
    });
  });

  it('refuses another streamer’s file as not found and a refused file with its reason, beside each, writing nothing', async () => {
    const owner = await onboarded('kycother');
    const theirs = await uploaded(owner.person, pdfBytes(), 'Theirs.pdf');
    const { person, streamerId, api } = await onboarded('kycasker');
    const fake = await uploaded(person, Buffer.from('plain text, not a PDF'), 'Fake.pdf');
    expect(fake.state).toBe('refused');

    const notTheirs = await failure(
      api.streamer.verification.request.mutate({ documents: [{ kind: 'identity', assetId: theirs.assetId }] }),
    );
    expect(notTheirs).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'document_not_found',
      fieldErrors: {
        'documents.0.assetId': ['This file is not among your uploads (it may have been deleted). Upload it again.'],
      },
    });
    const refused = await failure(
      api.streamer.verification.request.mutate({ documents: [{ kind: 'address', assetId: fake.assetId }] }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'document_refused' });
    expect(refused.fieldErrors?.['documents.0.assetId']?.[0]).toMatch(/^The file was refused: .+ Remove it and upload another file\.$/);

    const mine = await api.streamer.verification.mine.query();
    expect(mine).toEqual({ status: 'unverified', latestRequest: null });
    expect(await streamers.service.deps.db.streamerVerificationRequest.count({ where: { streamerId } })).toBe(0);
  });
});
