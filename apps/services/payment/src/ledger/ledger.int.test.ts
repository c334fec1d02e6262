import { randomUUID } from 'node:crypto';
import { fixedClock, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerTestDatabase } from '../testing/ledger-database';
import { createLedgerTestDatabase } from '../testing/ledger-database';
import { balanceOf, platformFeesBalance } from './balances';
import { FEE_SHARDS, accounts } from './chart-of-accounts';
import { findHold, resolveHold } from './holds';
import { checkLedger } from './ledger-check';
import type { EntryRequest } from './post-entries';
import { postEntries, postEntry } from './post-entries';

let ledger: LedgerTestDatabase;
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  ledger = await createLedgerTestDatabase('payment-ledger');
});
afterAll(async () => {
  await ledger.drop();
});

const deposit = (
  brandId: string,
  amount: bigint,
  key = `deposit:${randomUUID()}`,
): EntryRequest => ({
  idempotencyKey: key,
  kind: 'deposit',
  cause: { brandId },
  postings: [
    { account: accounts.clearing(), direction: 'debit', amount },
    { account: accounts.brandWallet(brandId), direction: 'credit', amount },
  ],
});

const post = (request: EntryRequest) =>
  ledger.transaction((tx) => postEntry(tx, request, clock.now()));
const balance = (code: string) => ledger.read((tx) => balanceOf(tx, code));
const sqlError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as { message: string },
  );
  expect(error, 'the database accepted it').toBeDefined();
  return error!.message;
};

describe('postings and balances', () => {
  it('credits a wallet from clearing and records the balances before and after', async () => {
    const brandId = randomUUID();
    await post(deposit(brandId, 5000n));
    await post(deposit(brandId, 700n));
    expect((await balance(accounts.brandWallet(brandId).code)).available).toBe(5700n);
    const { rows } = await ledger.raw(
      `SELECT p."balanceBefore"::int, p."balanceAfter"::int FROM "ledger_postings" p
       JOIN "ledger_accounts" a ON a."id" = p."accountId" WHERE a."code" = $1 ORDER BY p."id"`,
      accounts.brandWallet(brandId).code,
    );
    expect(rows).toEqual([
      { balanceBefore: 0, balanceAfter: 5000 },
      { balanceBefore: 5000, balanceAfter: 5700 },
    ]);
  });

  it('refuses to take a liability below zero, naming how short it is', async () => {
    const brandId = randomUUID();
    await post(deposit(brandId, 100n));
    const spend: EntryRequest = {
      idempotencyKey: `reserve:${randomUUID()}`,
      kind: 'budget_reserve',
      cause: {},
      postings: [
        { account: accounts.brandWallet(brandId), direction: 'debit', amount: 150n },
        { account: accounts.campaignEscrow(randomUUID()), direction: 'credit', amount: 150n },
      ],
    };
    await expect(post(spend)).rejects.toMatchObject({
      reason: 'insufficient_funds',
      details: { shortByCents: 50 },
    });
    expect((await balance(accounts.brandWallet(brandId).code)).available).toBe(100n);
  });

  it('sums the fee shards on read', async () => {
    const requests = Array.from({ length: FEE_SHARDS }, (_, shard) => ({
      idempotencyKey: `fee-test:${shard}`,
      kind: 'charge',
      cause: {},
      postings: [
        { account: accounts.clearing(), direction: 'debit' as const, amount: 10n },
        { account: accounts.platformFees(shard), direction: 'credit' as const, amount: 10n },
      ],
    }));
    await ledger.transaction((tx) => postEntries(tx, requests, clock.now()));
    expect(await ledger.read((tx) => platformFeesBalance(tx))).toBe(BigInt(FEE_SHARDS * 10));
  });
});

describe('the database enforces the rules, whatever the code does', () => {
  it('refuses a negative liability balance even from raw SQL', async () => {
    const brandId = randomUUID();
    await post(deposit(brandId, 100n));
    const message = await sqlError(
      ledger.raw(
        `UPDATE "ledger_accounts" SET "postedDebits" = "postedDebits" + 101 WHERE "code" = $1`,
        accounts.brandWallet(brandId).code,
      ),
    );
    expect(message).toContain('ledger_accounts_no_negative_liability');
    // Held money counts too: a pending debit may not exceed what is posted.
    const held = await sqlError(
      ledger.raw(
        `UPDATE "ledger_accounts" SET "pendingDebits" = 101 WHERE "code" = $1`,
        accounts.brandWallet(brandId).code,
      ),
    );
    expect(held).toContain('ledger_accounts_no_negative_liability');
  });

  it('lets only the clearing account go negative', async () => {
    const before = await balance(accounts.clearing().code);
    await post(deposit(randomUUID(), 1n));
    expect((await balance(accounts.clearing().code)).posted).toBe(before.posted + 1n);
    const message = await sqlError(
      ledger.raw(
        `INSERT INTO "ledger_accounts" ("code", "kind", "currency", "normalBalance", "allowsNegative") VALUES ('x', 'brand_wallet', 'USD', 'credit', true)`,
      ),
    );
    expect(message).toContain('ledger_accounts_only_clearing_negative');
  });

  it('refuses an unbalanced entry: the postings written to an entry together sum to zero', async () => {
    const client = await ledger.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "journal_entries" ("idempotencyKey", "kind", "phase", "requestDigest", "cause", "createdAt")
         VALUES ($1, 'deposit', 'posted', 'x', '{}', now()) RETURNING "id"`,
        [`unbalanced:${randomUUID()}`],
      );
      const ids = await client.query<{ id: string }>(
        `SELECT "id" FROM "ledger_accounts" WHERE "code" = $1`,
        [accounts.clearing().code],
      );
      // Even a debit whose matching credit would follow in a later statement: an entry's postings
      // are written in one statement.
      const message = await sqlError(
        client.query(
          `INSERT INTO "ledger_postings" ("entryId", "accountId", "direction", "amount", "balanceBefore", "balanceAfter", "createdAt")
           VALUES ($1, $2, 'debit', 10, 0, 10, now())`,
          [rows[0]!.id, ids.rows[0]!.id],
        ),
      );
      expect(message).toMatch(/unbalanced/);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  });

  it('refuses a posting added to an entry of an earlier transaction', async () => {
    const first = await post(deposit(randomUUID(), 10n));
    const { rows } = await ledger.raw(
      `SELECT "id" FROM "ledger_accounts" WHERE "code" = $1`,
      accounts.clearing().code,
    );
    const message = await sqlError(
      ledger.raw(
        `INSERT INTO "ledger_postings" ("entryId", "accountId", "direction", "amount", "balanceBefore", "balanceAfter", "createdAt")
         VALUES ($1, $2, 'debit', 5, 0, 5, now())`,
        first.entryId.toString(),
        (rows[0] as { id: string }).id,
      ),
    );
    expect(message).toMatch(/written by an earlier transaction/);
  });

  it('refuses UPDATE and DELETE of entries and postings', async () => {
    const { entryId } = await post(deposit(randomUUID(), 10n));
    const id = entryId.toString();
    expect(
      await sqlError(ledger.raw(`UPDATE "journal_entries" SET "kind" = 'x' WHERE "id" = $1`, id)),
    ).toMatch(/append-only/);
    expect(await sqlError(ledger.raw(`DELETE FROM "journal_entries" WHERE "id" = $1`, id))).toMatch(
      /append-only/,
    );
    expect(
      await sqlError(
        ledger.raw(`UPDATE "ledger_postings" SET "amount" = 1 WHERE "entryId" = $1`, id),
      ),
    ).toMatch(/append-only/);
    expect(
      await sqlError(ledger.raw(`DELETE FROM "ledger_postings" WHERE "entryId" = $1`, id)),
    ).toMatch(/append-only/);
    expect(await sqlError(ledger.raw(`TRUNCATE "ledger_postings" CASCADE`))).toMatch(/append-only/);
  });

  it('refuses a zero or negative posting', async () => {
    const { entryId } = await post(deposit(randomUUID(), 10n));
    const message = await sqlError(
      ledger.raw(
        `INSERT INTO "ledger_postings" ("entryId", "accountId", "direction", "amount", "balanceBefore", "balanceAfter", "createdAt")
       SELECT $1, "id", 'debit', 0, 0, 0, now() FROM "ledger_accounts" LIMIT 1`,
        entryId.toString(),
      ),
    );
    expect(message).toContain('ledger_postings_amount_positive');
  });
});

describe('idempotency', () => {
  it('returns the first result for the same key and amounts, and writes nothing more', async () => {
    const brandId = randomUUID();
    const request = deposit(brandId, 300n);
    const first = await post(request);
    const again = await post(request);
    expect(again).toEqual({ ...first, replayed: true });
    expect(first.replayed).toBe(false);
    expect((await balance(accounts.brandWallet(brandId).code)).available).toBe(300n);
  });

  it('refuses the same key with different amounts (exists_with_different_amount)', async () => {
    const brandId = randomUUID();
    const key = `deposit:${randomUUID()}`;
    await post(deposit(brandId, 300n, key));
    await expect(post(deposit(brandId, 301n, key))).rejects.toMatchObject({
      kind: 'conflict',
      reason: 'exists_with_different_amount',
    });
    expect((await balance(accounts.brandWallet(brandId).code)).available).toBe(300n);
  });

  it('applies a key once when many race for it', async () => {
    const brandId = randomUUID();
    const request = deposit(brandId, 25n);
    const results = await Promise.all(Array.from({ length: 8 }, () => post(request)));
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(new Set(results.map((result) => result.entryId)).size).toBe(1);
    expect((await balance(accounts.brandWallet(brandId).code)).available).toBe(25n);
  });
});

describe('two-phase holds', () => {
  async function heldWithdrawal(amount: bigint) {
    const streamerId = randomUUID();
    await post({
      idempotencyKey: `seed:${streamerId}`,
      kind: 'charge',
      cause: {},
      postings: [
        { account: accounts.clearing(), direction: 'debit', amount: 1000n },
        { account: accounts.streamerAvailable(streamerId), direction: 'credit', amount: 1000n },
      ],
    });
    const key = `withdrawal:${randomUUID()}:hold`;
    await post({
      idempotencyKey: key,
      kind: 'withdrawal',
      phase: 'pending',
      cause: { streamerId },
      postings: [
        { account: accounts.streamerAvailable(streamerId), direction: 'debit', amount },
        { account: accounts.payoutsInTransit(), direction: 'credit', amount },
      ],
    });
    return { streamerId, key };
  }
  const resolve = (key: string, resolution: string, outcome: { post: bigint } | 'void') =>
    ledger.transaction(async (tx) =>
      resolveHold(
        tx,
        {
          hold: (await findHold(tx, key))!,
          idempotencyKey: `${key}:${resolution}`,
          kind: 'withdrawal',
          cause: {},
          outcome,
        },
        clock.now(),
      ),
    );

  it('holds the amount out of the available balance, then posts less than it', async () => {
    const { streamerId, key } = await heldWithdrawal(600n);
    expect(await balance(accounts.streamerAvailable(streamerId).code)).toMatchObject({
      posted: 1000n,
      available: 400n,
    });
    await resolve(key, 'post', { post: 450n });
    expect(await balance(accounts.streamerAvailable(streamerId).code)).toMatchObject({
      posted: 550n,
      available: 550n,
      pendingDebits: 0n,
    });
  });

  it('voids a hold and gives the amount back', async () => {
    const { streamerId, key } = await heldWithdrawal(600n);
    await resolve(key, 'void', 'void');
    expect(await balance(accounts.streamerAvailable(streamerId).code)).toMatchObject({
      posted: 1000n,
      available: 1000n,
    });
  });

  it('resolves a hold at most once, whoever races for it', async () => {
    const { streamerId, key } = await heldWithdrawal(600n);
    const outcomes = await Promise.allSettled([
      resolve(key, 'post', { post: 600n }),
      resolve(key, 'void', 'void'),
      resolve(key, 'post', { post: 600n }),
    ]);
    const applied = outcomes.filter(
      (outcome) => outcome.status === 'fulfilled' && !outcome.value.replayed,
    );
    expect(applied).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ reason: 'hold_already_resolved' });
    }
    const wallet = await balance(accounts.streamerAvailable(streamerId).code);
    expect([400n, 1000n]).toContain(wallet.available);
    expect(wallet.pendingDebits).toBe(0n);
  });

  it('refuses to post more than was held', async () => {
    const { key } = await heldWithdrawal(100n);
    await expect(resolve(key, 'post', { post: 101n })).rejects.toMatchObject({
      reason: 'post_amount_out_of_range',
    });
  });
});

describe('the ledger check', () => {
  it('finds the cached balances equal to the journal, and every entry balanced', async () => {
    const report = await ledger.read((tx) => checkLedger(tx));
    expect(report.entries).toBeGreaterThan(10);
    expect(report.problems).toEqual([]);
  });

  it('reports a cached balance that differs from the journal', async () => {
    const brandId = randomUUID();
    await post(deposit(brandId, 100n));
    await ledger.raw(
      `UPDATE "ledger_accounts" SET "postedCredits" = 99 WHERE "code" = $1`,
      accounts.brandWallet(brandId).code,
    );
    const report = await ledger.read((tx) => checkLedger(tx));
    expect(report.problems).toEqual([
      {
        kind: 'cached_balance_differs',
        detail: expect.stringContaining(accounts.brandWallet(brandId).code) as string,
      },
    ]);
    await ledger.raw(
      `UPDATE "ledger_accounts" SET "postedCredits" = 100 WHERE "code" = $1`,
      accounts.brandWallet(brandId).code,
    );
  });
});
