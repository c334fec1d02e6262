import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventQueueName, redisConnection } from '@gametriggers/events';
import { createTestRedisNamespace, serviceProcesses } from '@gametriggers/testing';
import type { TestRedisNamespace } from '@gametriggers/testing';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkLedger } from './ledger/ledger-check';
import { reserveCampaignBudget } from './money/campaign-budget';
import type { CountedHour } from './money/charging';
import { creditDeposit } from './money/deposits';
import type { MoneyContext } from './money/money-context';
import type { LedgerTestDatabase } from './testing/ledger-database';
import { createLedgerTestDatabase } from './testing/ledger-database';
import { paymentTestServiceSecret } from './testing/payment-harness';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RATE_CENTS = 700;
const context: MoneyContext = {
  now: () => new Date('2026-01-14T19:00:00Z'),
  platformConfig: fixedPlatformConfig(),
};

let ledger: LedgerTestDatabase;
let redis: TestRedisNamespace;
const processes = serviceProcesses(packageDir);
const campaigns = [randomUUID(), randomUUID()];

beforeAll(async () => {
  ledger = await createLedgerTestDatabase('payment_kill');
  redis = createTestRedisNamespace('payment-kill');
  const brandId = randomUUID();
  await ledger.transaction((tx) =>
    creditDeposit(tx, context, { brandId, amountCents: 50_000_000, paymentIntentId: 'pi_kill' }),
  );
  for (const campaignId of campaigns) {
    await ledger.transaction((tx) =>
      reserveCampaignBudget(tx, context, {
        campaignId,
        brandId,
        budgetCents: 20_000_000,
        pricingModel: 'cpm',
        rateCents: RATE_CENTS,
        perStreamerCapCents: null,
      }),
    );
  }
});
afterAll(async () => {
  processes.stopAll();
  await redis.clear();
  await ledger.drop();
});

/** The service as `pnpm dev` runs it, in its own process. */
function startServiceProcess() {
  return processes.start({
    DATABASE_URL: ledger.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: redis.prefix,
    SERVICE_SECRET: paymentTestServiceSecret,
    IDENTITY_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    // No admin service: the platform configuration's defaults (the 20 % fee the test expects).
    ADMIN_SERVICE_URL: 'http://127.0.0.1:9',
    EARNINGS_MATURE_EVERY_MS: '3600000',
    // Production needs Stripe's settings; nothing here reaches Stripe.
    STRIPE_SECRET_KEY: 'sk_test_kill',
    STRIPE_WEBHOOK_SECRET: 'whsec_kill_platform',
    STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_kill_connect',
  });
}

/** Counted hours received and not yet charged. */
async function queuedCount() {
  const { rows } = await ledger.raw(`SELECT COUNT(*)::int AS n FROM "counted_hours_inbox"`);
  return (rows[0] as { n: number }).n;
}

async function processedCount() {
  const { rows } = await ledger.raw(
    `SELECT COUNT(*)::int AS n FROM "processed_events" WHERE "consumer" = 'payment'`,
  );
  return (rows[0] as { n: number }).n;
}

it(
  'charges every counted hour exactly once across a kill -9 and restart, duplicates and re-counts included',
  { timeout: 180_000 },
  async () => {
    // 600 hours, 200 of them re-counted, and 200 deliveries sent twice (the relay's at-least-once).
    const hours: CountedHour[] = Array.from({ length: 600 }, (_, index) => ({
      participationId: randomUUID(),
      campaignId: campaigns[index % 2]!,
      streamerId: randomUUID(),
      hourStart: new Date(Date.UTC(2026, 0, 14, index % 24)).toISOString(),
      impressions: 100 + ((index * 37) % 4000),
      clicks: 0,
      revision: 1,
    }));
    const recounts = hours
      .slice(0, 200)
      .map((hour) => ({ ...hour, revision: 2, impressions: hour.impressions + 777 }));
    const envelopes = [...hours, ...recounts].map((payload) => ({
      id: randomUUID(),
      type: 'analytics.participation_hour_counted' as const,
      payload,
      occurredAt: new Date().toISOString(),
    }));
    const deliveries = [...envelopes, ...envelopes.slice(100, 300)];
    const queue = new Queue(eventQueueName('payment'), {
      connection: redisConnection(redis.url),
      prefix: redis.prefix,
    });
    try {
      await queue.addBulk(
        deliveries.map((envelope) => ({
          name: envelope.type,
          data: envelope,
          opts: {
            jobId: `${envelope.id}-${randomUUID()}`,
            attempts: 5,
            backoff: { type: 'exponential', delay: 200 },
          },
        })),
      );
    } finally {
      await queue.close();
    }

    const first = await startServiceProcess();
    const deadline = Date.now() + 60_000;
    while ((await processedCount()) < 150 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const exited = once(first.child, 'exit');
    first.kill();
    await exited;
    const atKill = await processedCount();
    expect(
      atKill,
      'the process was killed before or after charging, not in the middle',
    ).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(envelopes.length);

    // Jobs it held when it died are taken again once their locks expire (BullMQ's stall check).
    const second = await startServiceProcess();
    const finish = Date.now() + 120_000;
    while ((await processedCount()) < envelopes.length || (await queuedCount()) > 0) {
      if (Date.now() > finish) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    second.child.kill('SIGTERM');
    expect(await processedCount()).toBe(envelopes.length);
    expect(await queuedCount()).toBe(0);

    // Each hour charged exactly its newest count's price, once.
    const newest = new Map(hours.map((hour) => [hour.participationId, hour]));
    for (const recount of recounts) newest.set(recount.participationId, recount);
    const { rows } = await ledger.raw(
      `SELECT "participationId", "revision", "chargedCents"::int AS charged FROM "participation_hour_charges"`,
    );
    const charged = new Map(
      rows.map((row: { participationId: string; revision: number; charged: number }) => [
        row.participationId,
        row,
      ]),
    );
    expect(charged.size).toBe(hours.length);
    let expectedTotal = 0;
    for (const [participationId, hour] of newest) {
      const price = Math.floor((hour.impressions * RATE_CENTS) / 1000);
      expectedTotal += price;
      expect(charged.get(participationId), participationId).toEqual({
        participationId,
        revision: hour.revision,
        charged: price,
      });
    }
    const { rows: spent } = await ledger.raw(
      `SELECT SUM("spentCents")::int AS spent FROM "campaign_terms"`,
    );
    expect((spent[0] as { spent: number }).spent).toBe(expectedTotal);
    const { rows: escrowDebits } = await ledger.raw(
      `SELECT SUM(p."amount")::int AS debited FROM "ledger_postings" p
       JOIN "ledger_accounts" a ON a."id" = p."accountId" WHERE a."kind" = 'campaign_escrow' AND p."direction" = 'debit'`,
    );
    expect((escrowDebits[0] as { debited: number }).debited).toBe(expectedTotal);
    expect((await ledger.read((tx) => checkLedger(tx))).problems).toEqual([]);
  },
);
