import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import type { AccountKind, AccountSpec } from './chart-of-accounts';
import type { Direction, EntryResult } from './post-entries';
import { postEntry } from './post-entries';

export interface HeldEntry {
  entryId: bigint;
  idempotencyKey: string;
  cause: Record<string, unknown>;
  /** The amount the hold keeps (every posting of a hold carries it). */
  amount: bigint;
  /** The key of the entry that posted or voided it, if any. */
  resolvedBy: string | null;
  postings: Array<{ account: AccountSpec; direction: Direction; amount: bigint }>;
}

/** The pending entry written under `holdKey`, or null. */
export async function findHold(tx: PaymentSql, holdKey: string): Promise<HeldEntry | null> {
  const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT e."id", e."phase", e."cause", r."idempotencyKey" AS "resolvedBy",
            p."direction", p."amount", a."code", a."kind", a."ownerId", a."currency", a."normalBalance", a."allowsNegative"
     FROM "journal_entries" e
     JOIN "ledger_postings" p ON p."entryId" = e."id"
     JOIN "ledger_accounts" a ON a."id" = p."accountId"
     LEFT JOIN "journal_entries" r ON r."resolvesEntryId" = e."id"
     WHERE e."idempotencyKey" = $1
     ORDER BY p."id"`,
    holdKey,
  );
  const first = rows[0];
  if (!first) return null;
  if (first.phase !== 'pending') throw new Error(`Entry ${holdKey} is not a hold`);
  const postings = rows.map((row) => ({
    account: {
      code: row.code as string,
      kind: row.kind as AccountKind,
      ownerId: (row.ownerId as string | null) ?? null,
      currency: row.currency as string,
      normalBalance: row.normalBalance as Direction,
      allowsNegative: row.allowsNegative as boolean,
    },
    direction: row.direction as Direction,
    amount: toBigInt(row.amount),
  }));
  return {
    entryId: toBigInt(first.id),
    idempotencyKey: holdKey,
    cause: first.cause as Record<string, unknown>,
    amount: postings[0]!.amount,
    resolvedBy: (first.resolvedBy as string | null) ?? null,
    postings,
  };
}

export type HoldOutcome = { post: bigint } | 'void';

/**
 * Posts (the whole hold or less) or voids a hold, at most once: the database refuses a second
 * resolution of the same hold, and a replay under the same key returns the first result.
 */
export async function resolveHold(
  tx: PaymentSql,
  options: {
    hold: HeldEntry;
    idempotencyKey: string;
    kind: string;
    cause: Record<string, unknown>;
    outcome: HoldOutcome;
  },
  now: Date,
): Promise<EntryResult> {
  const { hold, outcome } = options;
  if (outcome !== 'void' && (outcome.post <= 0n || outcome.post > hold.amount)) {
    throw new DomainError(
      'invalid',
      'post_amount_out_of_range',
      `A hold of ${hold.amount} cents posts between 1 and ${hold.amount} cents.`,
    );
  }
  return postEntry(
    tx,
    {
      idempotencyKey: options.idempotencyKey,
      kind: options.kind,
      cause: options.cause,
      phase: outcome === 'void' ? 'void' : 'posted',
      postings:
        outcome === 'void'
          ? []
          : hold.postings.map((posting) => ({
              account: posting.account,
              direction: posting.direction,
              amount: outcome.post,
            })),
      releases: {
        entryId: hold.entryId,
        postings: hold.postings.map((posting) => ({
          accountCode: posting.account.code,
          direction: posting.direction,
          amount: posting.amount,
        })),
      },
    },
    now,
  );
}
