import { randomUUID } from 'node:crypto';
import type { PlatformConfigAdmin } from '@gametriggers/platform-config/testing';
import { startPlatformConfigAdmin } from '@gametriggers/platform-config/testing';
import { createTestRedisNamespace, eventually, runningClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { balanceOf } from './ledger/balances';
import { accounts } from './ledger/chart-of-accounts';
import { reserveCampaignBudget } from './money/campaign-budget';
import { chargeParticipationHours } from './money/charging';
import { creditDeposit } from './money/deposits';
import type { PaymentHarness } from './testing/payment-harness';
import { paymentTestServiceSecret, startPaymentHarness } from './testing/payment-harness';

const clock = runningClock('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let redis: TestRedisNamespace;
let config: PlatformConfigAdmin;
let payment: PaymentHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  redis = createTestRedisNamespace('payment-config');
  const events = { redisUrl: redis.url, queuePrefix: redis.prefix };
  config = await startPlatformConfigAdmin({ issuer, now: clock.now, serviceSecret: paymentTestServiceSecret, events });
  payment = await startPaymentHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
    queuePrefix: redis.prefix,
    platformConfig: config.clientFor('payment'),
  });
});
afterAll(async () => {
  await payment.close();
  await config.close();
  await redis.clear();
  await issuer.close();
});

/** A CPC campaign of $10 a click, funded, and a streamer's counted hour of one click in it. */
async function chargeOneClick(streamerId: string) {
  const brandId = randomUUID();
  const campaignId = randomUUID();
  await payment.transaction(async (tx) => {
    await creditDeposit(tx, payment.deps, { brandId, amountCents: 1_000, paymentIntentId: `pi_${campaignId}` });
    await reserveCampaignBudget(tx, payment.deps, {
      campaignId,
      brandId,
      budgetCents: 1_000,
      pricingModel: 'cpc',
      rateCents: 1_000,
      perStreamerCapCents: null,
    });
    await chargeParticipationHours(tx, payment.deps, [
      { participationId: randomUUID(), campaignId, streamerId, hourStart: '2026-03-10T17:00:00.000Z', impressions: 1, clicks: 1, revision: 1 },
    ]);
  });
  return payment.transaction(async (tx) => Number((await balanceOf(tx, accounts.streamerPending(streamerId).code)).posted));
}

it('a fee changed in the admin service is used by the next charge', async () => {
  expect(await chargeOneClick(cast.streamerA.userId)).toBe(800);

  await config.change({ platformFeeBps: 1_500 });
  // The config.changed event reaches the payment service through the queue.
  await eventually(
    async () => (await payment.db.processedEvent.count({ where: { consumer: 'payment' } })) === 1,
    'the payment service to apply config.changed',
  );

  expect(await chargeOneClick(cast.streamerB.userId)).toBe(850);
});
