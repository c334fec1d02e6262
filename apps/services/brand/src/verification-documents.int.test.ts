import type { AssetHarness } from '@gametriggers/asset-service/testing';
import { fileOf, imageBytes, pdfBytes, startAssetHarness } from '@gametriggers/asset-service/testing';
import { failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrandHarness } from './testing/brand-harness';
import { sampleOnboarding, startBrandHarness } from './testing/brand-harness';

// Verification documents through the real asset service: uploaded with the browser client, checked
// by their bytes, and attached only when they are the brand's own, for verification, and ready.

let issuer: TestTokenIssuer;
let assets: AssetHarness;
let brands: BrandHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  assets = await startAssetHarness({ jwksUrl: issuer.jwksUrl });
  brands = await startBrandHarness({ jwksUrl: issuer.jwksUrl, assetServiceUrl: assets.url });
});
afterAll(async () => {
  await brands.close();
  await assets.close();
  await issuer.close();
});

/** Uploads `bytes` as the person's file and waits for its check; answers the asset id. */
async function uploaded(
  person: TestPerson,
  route: 'verificationDocument' | 'campaignCreative',
  bytes: Buffer,
  name: string,
  type: string,
) {
  const assetId = await assets.upload(await issuer.tokenFor(person), route, fileOf(bytes, name, type));
  const settled = await assets.settled(assetId);
  return { assetId, state: settled.state };
}

async function onboarded(person: TestPerson) {
  const client = brands.client(await issuer.tokenFor(person));
  await client.brand.onboard.mutate(sampleOnboarding());
  return client;
}

const requestCount = async (brandId: string) =>
  brands.db.verificationRequest.count({ where: { brandId } });

describe('verification documents are the brand’s own uploads', () => {
  it('attaches a checked PDF with its name and type; the reviewing admin reads it through a signed URL', async () => {
    const { brandA, superAdmin } = testCast();
    const brand = await onboarded(brandA);
    const pdf = await uploaded(brandA, 'verificationDocument', pdfBytes(), 'Incorporation.pdf', 'application/pdf');
    expect(pdf.state).toBe('ready');

    const pending = await brand.brand.requestVerification.mutate({
      documents: [{ kind: 'registration', assetId: pdf.assetId }],
    });
    expect(pending.verification).toMatchObject({
      status: 'pending',
      documents: [
        {
          kind: 'registration',
          assetId: pdf.assetId,
          name: 'Incorporation.pdf',
          contentType: 'application/pdf',
          url: null,
        },
      ],
    });

    // What the admin portal does for each document of the review page.
    const admin = await issuer.tokenFor(superAdmin);
    const history = await brands.client(admin).brand.verificationHistory.query({ brandId: brandA.userId });
    const [document] = history.requests[0]!.documents;
    const signed = await assets.client(admin).asset.signedUrl.mutate({ assetId: document!.assetId! });
    const served = await fetch(signed.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdfBytes())).toBe(true);
  });

  it('refuses another brand’s document as not found, beside the field, writing nothing', async () => {
    const { brandA, brandB } = testCast();
    const theirs = await uploaded(brandA, 'verificationDocument', pdfBytes(), 'Theirs.pdf', 'application/pdf');
    const brand = await onboarded(brandB);
    const refused = await failure(
      brand.brand.requestVerification.mutate({
        documents: [{ kind: 'registration', assetId: theirs.assetId }],
      }),
    );
    expect(refused).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'document_not_found',
      fieldErrors: {
        'documents.0.assetId': [
          'This file is not among your uploads (it may have been deleted). Upload it again.',
        ],
      },
    });
    expect(await requestCount(brandB.userId)).toBe(0);
    expect((await brand.brand.me.query())?.verification.status).toBe('unverified');
  });

  it('refuses a file its check refused, and one still being checked, each beside its document', async () => {
    const person = testCast().brandA;
    const brand = await onboarded(person);
    const good = await uploaded(person, 'verificationDocument', pdfBytes(), 'Good.pdf', 'application/pdf');
    const fake = await uploaded(person, 'verificationDocument', Buffer.from('not a pdf at all'), 'Fake.pdf', 'application/pdf');
    expect(fake.state).toBe('refused');
    const later = await uploaded(person, 'verificationDocument', pdfBytes(), 'Later.pdf', 'application/pdf');
    // A check that has not run yet: the asset as it is between upload and check.
    await assets.db.asset.update({ where: { id: later.assetId }, data: { state: 'checking' } });

    const refused = await failure(
      brand.brand.requestVerification.mutate({
        documents: [
          { kind: 'registration', assetId: good.assetId },
          { kind: 'tax', assetId: fake.assetId },
          { kind: 'other', assetId: later.assetId },
        ],
      }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'document_refused' });
    expect(refused.message).toBe('2 of your documents cannot be sent; each one says why.');
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(['documents.1.assetId', 'documents.2.assetId']);
    expect(refused.fieldErrors?.['documents.1.assetId']?.[0]).toMatch(
      /^The file was refused: .+\. Remove it and upload another file\.$/,
    );
    expect(refused.fieldErrors?.['documents.2.assetId']).toEqual([
      'This file is still being checked. Send the request once it shows as ready.',
    ]);

    const single = await failure(
      brand.brand.requestVerification.mutate({ documents: [{ kind: 'other', assetId: later.assetId }] }),
    );
    expect(single).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'document_not_ready' });
    expect(single.message).toBe(
      'Document 1: This file is still being checked. Send the request once it shows as ready.',
    );
    expect(await requestCount(person.userId)).toBe(0);
  });

  it('refuses a campaign creative sent as a document', async () => {
    const person = testCast().brandA;
    const brand = await onboarded(person);
    const creative = await uploaded(person, 'campaignCreative', await imageBytes('png'), 'Banner.png', 'image/png');
    const refused = await failure(
      brand.brand.requestVerification.mutate({ documents: [{ kind: 'other', assetId: creative.assetId }] }),
    );
    expect(refused).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'document_wrong_use',
      fieldErrors: { 'documents.0.assetId': ['This file was uploaded for something else. Upload it here again.'] },
    });
  });
});

describe('when the asset service does not answer', () => {
  it('refuses with a typed "try again" and writes nothing', async () => {
    const { brandA } = testCast();
    const offline = await startBrandHarness({ jwksUrl: issuer.jwksUrl, assetServiceUrl: 'http://127.0.0.1:9' });
    try {
      const brand = offline.client(await issuer.tokenFor(brandA));
      await brand.brand.onboard.mutate(sampleOnboarding());
      const refused = await failure(
        brand.brand.requestVerification.mutate({
          documents: [{ kind: 'registration', assetId: crypto.randomUUID() }],
        }),
      );
      expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'documents_unavailable' });
      expect(await offline.db.verificationRequest.count()).toBe(0);
    } finally {
      await offline.close();
    }
  });
});
