import { hash } from 'node:crypto';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import { plainArrayLiteral, toBigInt } from '../database';
import type { AccountSpec } from './chart-of-accounts';

export type Direction = 'debit' | 'credit';

export interface PostingRequest {
  account: AccountSpec;
  direction: Direction;
  /** Minor units, > 0. */
  amount: bigint;
}

/** A pending entry this request posts or voids, with the postings it held. */
export interface HoldRelease {
  entryId: bigint;
  postings: Array<{ accountCode: string; direction: Direction; amount: bigint }>;
}

export interface EntryRequest {
  /** Derived from the cause; a second request with the same key returns the first result. */
  idempotencyKey: string;
  kind: string;
  cause: Record<string, unknown>;
  /** `pending` holds the amounts (two-phase); `void` ends a hold without postings. */
  phase?: 'posted' | 'pending' | 'void';
  postings: PostingRequest[];
  releases?: HoldRelease;
}

export interface EntryResult {
  entryId: bigint;
  idempotencyKey: string;
  /** True when the key had already taken effect: nothing was written this time. */
  replayed: boolean;
}

interface LockedAccount {
  id: bigint;
  code: string;
  normalBalance: Direction;
  allowsNegative: boolean;
  postedDebits: bigint;
  postedCredits: bigint;
  pendingDebits: bigint;
  pendingCredits: bigint;
  changes: number;
}

/** An account's spendable balance: posted, less what pending holds take out of it. */
export function availableBalance(account: {
  normalBalance: string;
  postedDebits: bigint;
  postedCredits: bigint;
  pendingDebits: bigint;
  pendingCredits: bigint;
}): bigint {
  return account.normalBalance === 'credit'
    ? account.postedCredits - account.postedDebits - account.pendingDebits
    : account.postedDebits - account.postedCredits - account.pendingCredits;
}

/** What the caller asked for, so a replay under the same key can be told from a different request. */
function requestDigest(request: EntryRequest): string {
  const postings = request.postings
    .map((posting) => `${posting.account.code}|${posting.direction}|${posting.amount}`)
    .sort();
  // The one-shot hash: a Hash object per entry cost more than the rest of writing it.
  return hash(
    'sha256',
    JSON.stringify([
      request.kind,
      request.phase ?? 'posted',
      request.releases?.entryId.toString() ?? '',
      postings,
    ]),
    'hex',
  );
}

export class InsufficientFundsError extends DomainError {
  constructor(
    readonly accountCode: string,
    readonly shortByCents: bigint,
  ) {
    super(
      'precondition_failed',
      'insufficient_funds',
      `The account ${accountCode} is short by ${shortByCents} cents.`,
      {
        accountCode,
        shortByCents: Number(shortByCents),
      },
    );
  }
}

function validate(request: EntryRequest) {
  for (const posting of request.postings) {
    if (posting.amount <= 0n)
      throw new Error(`Posting amounts are positive (${request.idempotencyKey})`);
  }
  const net = request.postings.reduce(
    (sum, posting) => sum + (posting.direction === 'debit' ? posting.amount : -posting.amount),
    0n,
  );
  if (net !== 0n) throw new Error(`Entry ${request.idempotencyKey} is unbalanced by ${net}`);
  if ((request.phase ?? 'posted') !== 'void' && request.postings.length < 2) {
    throw new Error(`Entry ${request.idempotencyKey} needs at least two postings`);
  }
}

/**
 * Writes journal entries in the caller's transaction: creates the accounts they name, locks every
 * touched account in id order (so concurrent writers never deadlock on them), skips keys that
 * already took effect (a different request under a used key is `exists_with_different_amount`),
 * refuses a posting that would take a non-negative account below zero, and updates the cached
 * balances once per account. Many entries in one call share the locks and the round trips.
 */
export interface PostEntriesOptions {
  /**
   * The caller has established, under its own locks, that none of the keys has been used (the
   * charge path: an hour's newer revision). The lookup of earlier results is skipped; the unique
   * index on keys still refuses a duplicate.
   */
  keysAreNew?: boolean;
}

export async function postEntries(
  tx: PaymentSql,
  requests: EntryRequest[],
  now: Date,
  options: PostEntriesOptions = {},
): Promise<EntryResult[]> {
  if (requests.length === 0) return [];
  for (const request of requests) validate(request);

  const specs = new Map<string, AccountSpec>();
  for (const request of requests)
    for (const posting of request.postings) specs.set(posting.account.code, posting.account);
  const releasedCodes = requests.flatMap(
    (request) => request.releases?.postings.map((posting) => posting.accountCode) ?? [],
  );
  const locked = await lockAccounts(tx, [...specs.values()], releasedCodes);

  const keys = [...new Set(requests.map((request) => request.idempotencyKey))];
  const existing = new Map(
    (options.keysAreNew
      ? []
      : await tx.$queryRawUnsafe<
          Array<{ id: unknown; idempotencyKey: string; requestDigest: string }>
        >(
          `SELECT "id", "idempotencyKey", "requestDigest" FROM "journal_entries" WHERE "idempotencyKey" = ANY($1::text[])`,
          keys,
        )
    ).map((row) => [row.idempotencyKey, { id: toBigInt(row.id), digest: row.requestDigest }]),
  );
  const releasedEntries = requests.flatMap((request) =>
    request.releases ? [request.releases.entryId.toString()] : [],
  );
  const alreadyResolved = new Set(
    releasedEntries.length === 0
      ? []
      : (
          await tx.$queryRawUnsafe<Array<{ resolvesEntryId: unknown }>>(
            `SELECT "resolvesEntryId" FROM "journal_entries" WHERE "resolvesEntryId" = ANY($1::bigint[])`,
            releasedEntries,
          )
        ).map((row) => toBigInt(row.resolvesEntryId).toString()),
  );

  const results: Array<EntryResult | { index: number; digest: string }> = [];
  const fresh: Array<{ request: EntryRequest; digest: string; postings: PostingRow[] }> = [];
  const seenInBatch = new Map<string, string>();
  for (const request of requests) {
    const digest = requestDigest(request);
    const earlier = existing.get(request.idempotencyKey);
    const earlierInBatch = seenInBatch.get(request.idempotencyKey);
    if (earlier || earlierInBatch !== undefined) {
      if ((earlier?.digest ?? earlierInBatch) !== digest)
        throw differentAmount(request.idempotencyKey);
      results.push(
        earlier
          ? { entryId: earlier.id, idempotencyKey: request.idempotencyKey, replayed: true }
          : { index: -1, digest: request.idempotencyKey },
      );
      continue;
    }
    if (request.releases) {
      const released = request.releases.entryId.toString();
      if (alreadyResolved.has(released)) {
        throw new DomainError(
          'conflict',
          'hold_already_resolved',
          'This hold has already been posted or voided.',
        );
      }
      alreadyResolved.add(released);
      for (const posting of request.releases.postings) {
        const account = locked.get(posting.accountCode)!;
        if (posting.direction === 'debit') account.pendingDebits -= posting.amount;
        else account.pendingCredits -= posting.amount;
        account.changes++;
      }
    }
    const pending = request.phase === 'pending';
    const postings: PostingRow[] = [];
    for (const posting of request.postings) {
      const account = locked.get(posting.account.code)!;
      const before = availableBalance(account);
      if (posting.direction === 'debit') {
        if (pending) account.pendingDebits += posting.amount;
        else account.postedDebits += posting.amount;
      } else if (pending) account.pendingCredits += posting.amount;
      else account.postedCredits += posting.amount;
      account.changes++;
      const after = availableBalance(account);
      if (!account.allowsNegative && account.normalBalance === 'credit' && after < 0n) {
        throw new InsufficientFundsError(account.code, -after);
      }
      postings.push({
        accountId: account.id,
        direction: posting.direction,
        amount: posting.amount,
        pending,
        before,
        after,
      });
    }
    seenInBatch.set(request.idempotencyKey, digest);
    results.push({ index: fresh.length, digest });
    fresh.push({ request, digest, postings });
  }

  const ids = await insertEntries(tx, fresh, now);
  await insertPostings(tx, fresh, ids, now);
  await writeBalances(
    tx,
    [...locked.values()].filter((account) => account.changes > 0),
  );

  const byKey = new Map<string, bigint>();
  fresh.forEach(({ request }, index) => byKey.set(request.idempotencyKey, ids[index]!));
  return results.map((result, position) => {
    if ('entryId' in result) return result;
    const key = requests[position]!.idempotencyKey;
    return { entryId: byKey.get(key)!, idempotencyKey: key, replayed: result.index === -1 };
  });
}

export async function postEntry(
  tx: PaymentSql,
  request: EntryRequest,
  now: Date,
): Promise<EntryResult> {
  const [result] = await postEntries(tx, [request], now);
  return result!;
}

function differentAmount(key: string) {
  return new DomainError(
    'conflict',
    'exists_with_different_amount',
    `The operation ${key} was already done with different amounts.`,
    { idempotencyKey: key },
  );
}

interface PostingRow {
  accountId: bigint;
  direction: Direction;
  amount: bigint;
  pending: boolean;
  before: bigint;
  after: bigint;
}

const ACCOUNT_COLUMNS = `"id", "code", "normalBalance", "allowsNegative", "postedDebits", "postedCredits", "pendingDebits", "pendingCredits"`;

async function lockAccounts(tx: PaymentSql, specs: AccountSpec[], releasedCodes: string[]) {
  const codes = [...new Set([...specs.map((spec) => spec.code), ...releasedCodes])];
  const lock = (wanted: string[]) =>
    tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
      `SELECT ${ACCOUNT_COLUMNS} FROM "ledger_accounts" WHERE "code" = ANY($1::text[]) ORDER BY "id" FOR UPDATE`,
      wanted,
    );
  const rows = await lock(codes);
  const found = new Set(rows.map((row) => row.code as string));
  const missing = specs.filter((spec) => !found.has(spec.code));
  if (missing.length > 0) {
    // First postings to these accounts: create them (another transaction may just have) and lock them.
    await tx.$executeRawUnsafe(
      `INSERT INTO "ledger_accounts" ("code", "kind", "ownerId", "currency", "normalBalance", "allowsNegative")
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::boolean[])
       ON CONFLICT ("code") DO NOTHING`,
      missing.map((spec) => spec.code),
      missing.map((spec) => spec.kind),
      missing.map((spec) => spec.ownerId),
      missing.map((spec) => spec.currency),
      missing.map((spec) => spec.normalBalance),
      missing.map((spec) => spec.allowsNegative),
    );
    rows.push(...(await lock(missing.map((spec) => spec.code))));
  }
  const locked = new Map<string, LockedAccount>();
  for (const row of rows) {
    locked.set(row.code as string, {
      id: toBigInt(row.id),
      code: row.code as string,
      normalBalance: row.normalBalance as Direction,
      allowsNegative: row.allowsNegative as boolean,
      postedDebits: toBigInt(row.postedDebits),
      postedCredits: toBigInt(row.postedCredits),
      pendingDebits: toBigInt(row.pendingDebits),
      pendingCredits: toBigInt(row.pendingCredits),
      changes: 0,
    });
  }
  const absent = codes.find((code) => !locked.has(code));
  if (absent) throw new Error(`Ledger account ${absent} does not exist`);
  return locked;
}

async function insertEntries(
  tx: PaymentSql,
  fresh: Array<{ request: EntryRequest; digest: string }>,
  now: Date,
): Promise<bigint[]> {
  if (fresh.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<Array<{ id: unknown }>>(
    `INSERT INTO "journal_entries" ("idempotencyKey", "kind", "phase", "resolvesEntryId", "requestDigest", "cause", "createdAt")
     SELECT v.k, v.kind, v.phase, v.r, v.d, v.c, $7::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::jsonb[])
       WITH ORDINALITY AS v(k, kind, phase, r, d, c, position)
     ORDER BY v.position
     RETURNING "id"`,
    fresh.map(({ request }) => request.idempotencyKey),
    fresh.map(({ request }) => request.kind),
    fresh.map(({ request }) => request.phase ?? 'posted'),
    plainArrayLiteral(fresh.map(({ request }) => request.releases?.entryId ?? null)),
    plainArrayLiteral(fresh.map(({ digest }) => digest)),
    fresh.map(({ request }) => JSON.stringify(request.cause)),
    now,
  );
  // Ids come from one sequence in insertion order, which is the position order above.
  return rows.map((row) => toBigInt(row.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function insertPostings(
  tx: PaymentSql,
  fresh: Array<{ postings: PostingRow[] }>,
  entryIds: bigint[],
  now: Date,
) {
  const entryId: string[] = [];
  const accountId: bigint[] = [];
  const direction: Direction[] = [];
  const amount: bigint[] = [];
  const pending: boolean[] = [];
  const before: bigint[] = [];
  const after: bigint[] = [];
  fresh.forEach(({ postings }, index) => {
    const entry = entryIds[index]!.toString();
    for (const posting of postings) {
      entryId.push(entry);
      accountId.push(posting.accountId);
      direction.push(posting.direction);
      amount.push(posting.amount);
      pending.push(posting.pending);
      before.push(posting.before);
      after.push(posting.after);
    }
  });
  if (entryId.length === 0) return;
  // Every posting in one statement: the database's check (one per INSERT of postings) refuses an
  // entry whose postings in the statement do not sum to zero.
  await tx.$executeRawUnsafe(
    `INSERT INTO "ledger_postings" ("entryId", "accountId", "direction", "amount", "pending", "balanceBefore", "balanceAfter", "createdAt")
     SELECT v.*, $8::timestamptz
     FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::boolean[], $6::bigint[], $7::bigint[]) AS v`,
    plainArrayLiteral(entryId),
    plainArrayLiteral(accountId),
    plainArrayLiteral(direction),
    plainArrayLiteral(amount),
    plainArrayLiteral(pending),
    plainArrayLiteral(before),
    plainArrayLiteral(after),
    now,
  );
}

async function writeBalances(tx: PaymentSql, changed: LockedAccount[]) {
  if (changed.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "ledger_accounts" a
     SET "postedDebits" = v.pd, "postedCredits" = v.pc, "pendingDebits" = v.qd, "pendingCredits" = v.qc,
         "version" = a."version" + v.n
     FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[]) AS v(id, pd, pc, qd, qc, n)
     WHERE a."id" = v.id`,
    changed.map((account) => account.id.toString()),
    changed.map((account) => account.postedDebits.toString()),
    changed.map((account) => account.postedCredits.toString()),
    changed.map((account) => account.pendingDebits.toString()),
    changed.map((account) => account.pendingCredits.toString()),
    changed.map((account) => account.changes),
  );
}
