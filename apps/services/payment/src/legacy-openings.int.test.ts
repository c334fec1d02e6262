import {
  callProcedure,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { LEGACY_IMPORTER_SERVICE, signServiceToken } from '@gametriggers/tokens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from './ledger/ledger-check';
import type { PaymentHarness } from './testing/payment-harness';
import { paymentTestServiceSecret, startPaymentHarness } from './testing/payment-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: PaymentHarness;
let importer: ReturnType<PaymentHarness['serviceClient']>;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  importer = harness.serviceClient(LEGACY_IMPORTER_SERVICE);
});
afterAll(async () => {
  await harness?.close();
  await issuer?.close();
});

const brandOpening = {
  legacyWalletId: 'f10000000000000000000001',
  ownerId: cast.brandA.userId,
  currency: 'USD' as const,
  entries: [{ account: 'brand_wallet' as const, amountCents: 123_45 }],
};

describe('opening the old platform’s balances', () => {
  it('opens a brand’s wallet and a streamer’s earnings to the cent, once', async () => {
    await expect(
      importer.payment.legacyImport.openingBalance.mutate(brandOpening),
    ).resolves.toEqual({ outcome: 'created', openedCents: 123_45 });
    await expect(
      importer.payment.legacyImport.openingBalance.mutate(brandOpening),
    ).resolves.toEqual({ outcome: 'unchanged', openedCents: 123_45 });
    const brand = harness.client(await issuer.tokenFor(cast.brandA));
    await expect(brand.payment.wallet.summary.query()).resolves.toMatchObject({
      availableCents: 123_45,
      reservedCents: 0,
    });

    await importer.payment.legacyImport.openingBalance.mutate({
      legacyWalletId: 'f10000000000000000000002',
      ownerId: cast.streamerA.userId,
      currency: 'USD',
      entries: [
        { account: 'streamer_earnings_available', amountCents: 50_00 },
        { account: 'streamer_earnings_pending', amountCents: 7_05 },
        { account: 'streamer_earnings_available', amountCents: 0 },
      ],
    });
    const streamer = harness.client(await issuer.tokenFor(cast.streamerA));
    await expect(streamer.payment.earnings.summary.query()).resolves.toMatchObject({
      availableCents: 50_00,
      pendingCents: 7_05,
    });
    expect((await harness.transaction((tx) => checkLedger(tx))).problems).toEqual([]);
  });

  it('refuses another amount for a wallet already opened: corrections are admins’ adjustments', async () => {
    await expect(
      importer.payment.legacyImport.openingBalance.mutate({
        ...brandOpening,
        entries: [{ account: 'brand_wallet', amountCents: 999 }],
      }),
    ).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
  });

  it('lets only the legacy importer open balances', async () => {
    const statuses = [];
    const callers = {
      anonymous: {},
      brand: { authorization: `Bearer ${await issuer.tokenFor(cast.brandA)}` },
      'another service': {
        'x-service-token': await signServiceToken(paymentTestServiceSecret, 'campaign'),
      },
    };
    for (const [who, headers] of Object.entries(callers)) {
      const { status } = await callProcedure(harness.url, {
        path: 'payment.legacyImport.openingBalance',
        type: 'mutation',
        input: brandOpening,
        headers,
      });
      statuses.push({ who, status });
    }
    expect(statuses).toEqual([
      { who: 'anonymous', status: 401 },
      { who: 'brand', status: 403 },
      { who: 'another service', status: 403 },
    ]);
  });
});
