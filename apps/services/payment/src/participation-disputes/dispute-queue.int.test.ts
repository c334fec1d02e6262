import { randomUUID } from 'node:crypto';
import type { ParticipationDisputeQueueInput } from '@gametriggers/contracts';
import {
  adminWith,
  errorOf,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
let admin: ReturnType<PaymentHarness['client']>;

interface QueueRow {
  name: string;
  status: 'open' | 'resolved';
  openedBy: 'brand' | 'streamer';
  heldCents: number;
  openedAt: string;
}

// Disputes as the queue finds them (opening one needs charged earnings; the queue only reads rows).
const rows: QueueRow[] = [
  {
    name: 'a',
    status: 'open',
    openedBy: 'brand',
    heldCents: 5_000,
    openedAt: '2026-03-01T10:00:00Z',
  },
  {
    name: 'b',
    status: 'open',
    openedBy: 'streamer',
    heldCents: 120,
    openedAt: '2026-03-03T10:00:00Z',
  },
  {
    name: 'c',
    status: 'resolved',
    openedBy: 'brand',
    heldCents: 90_000,
    openedAt: '2026-02-20T10:00:00Z',
  },
  {
    name: 'd',
    status: 'open',
    openedBy: 'brand',
    heldCents: 5_000,
    openedAt: '2026-03-02T10:00:00Z',
  },
  {
    name: 'e',
    status: 'resolved',
    openedBy: 'streamer',
    heldCents: 700,
    openedAt: '2026-03-04T10:00:00Z',
  },
];
const idOf = new Map<string, string>(rows.map((row) => [row.name, randomUUID()]));
const nameOf = new Map([...idOf].map(([name, id]) => [id, name]));

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  admin = harness.client(await issuer.tokenFor(adminWith('canManageDisputes')));
  for (const row of rows) {
    const resolved = row.status === 'resolved';
    await harness.db.$executeRawUnsafe(
      `INSERT INTO "participation_disputes" ("id", "participationId", "campaignId", "brandId", "streamerId",
         "openedBy", "reason", "evidenceText", "evidenceLinks", "heldPendingCents", "heldAvailableCents",
         "status", "outcome", "streamerCents", "brandCents", "resolvedAt", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, 'Hidden overlay', 'Evidence', '{}',
         $7, $8, $9, $10, $11, $12, $13, $14)`,
      idOf.get(row.name),
      randomUUID(),
      randomUUID(),
      cast.brandA.userId,
      cast.streamerA.userId,
      row.openedBy,
      Math.floor(row.heldCents / 3),
      row.heldCents - Math.floor(row.heldCents / 3),
      row.status,
      resolved ? 'refund' : null,
      resolved ? 0 : null,
      resolved ? row.heldCents : null,
      resolved ? new Date('2026-03-05T10:00:00Z') : null,
      new Date(row.openedAt),
    );
  }
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

/** Every page of the queue for `input`, two at a time, as the rows' names. */
async function walk(input: ParticipationDisputeQueueInput): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await admin.payment.disputes.admin.list.query({ ...input, limit: 2, cursor });
    names.push(...page.items.map((item) => nameOf.get(item.id)!));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return names;
}

describe('the admins’ dispute queue', () => {
  it('lists the open disputes oldest first by default', async () => {
    expect(await walk({})).toEqual(['a', 'd', 'b']);
  });

  it('sorts by the amount held either way, ties in a stable order, a page at a time', async () => {
    const tied = [idOf.get('a')!, idOf.get('d')!].sort().map((id) => nameOf.get(id)!);
    expect(await walk({ sortBy: 'heldCents', direction: 'asc' })).toEqual(['b', ...tied]);
    expect(await walk({ sortBy: 'heldCents', direction: 'desc' })).toEqual([
      ...tied.reverse(),
      'b',
    ]);
    const page = await admin.payment.disputes.admin.list.query({ sortBy: 'heldCents', limit: 1 });
    expect(page.items[0]).toMatchObject({ heldCents: 120 });
  });

  it('sorts every dispute by status or by when it was opened, and filters as it sorts', async () => {
    const byStatus = await walk({ status: 'all', sortBy: 'status', direction: 'desc' });
    expect(byStatus.slice(0, 2).sort()).toEqual(['c', 'e']);
    expect(byStatus.slice(2).sort()).toEqual(['a', 'b', 'd']);
    expect(await walk({ status: 'all', sortBy: 'createdAt', direction: 'desc' })).toEqual([
      'e',
      'b',
      'd',
      'a',
      'c',
    ]);
    expect(await walk({ status: 'all', openedBy: 'streamer', sortBy: 'heldCents' })).toEqual([
      'b',
      'e',
    ]);
  });

  it('refuses a cursor made for another sort', async () => {
    const page = await admin.payment.disputes.admin.list.query({ sortBy: 'heldCents', limit: 1 });
    const call = admin.payment.disputes.admin.list.query({
      sortBy: 'createdAt',
      cursor: page.nextCursor!,
    });
    expect(
      await call.then(
        () => null,
        (error: unknown) => errorOf(error),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_cursor',
    });
  });
});
