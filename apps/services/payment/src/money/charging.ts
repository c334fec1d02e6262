import type { EventPayload } from '@gametriggers/events';
import { recordEvents } from '@gametriggers/events';
import type { PaymentSql } from '../database';
import { plainArrayLiteral, toBigInt } from '../database';
import { balancesOf } from '../ledger/balances';
import { hash } from 'node:crypto';
import { accounts, feeShardFor } from '../ledger/chart-of-accounts';
import type { AccountSpec } from '../ledger/chart-of-accounts';
import { claimFeeShard } from '../ledger/fee-shards';
import type { EntryRequest, PostingRequest } from '../ledger/post-entries';
import { postEntries } from '../ledger/post-entries';
import type { CampaignTerms } from './campaign-terms';
import { lockCampaignTerms } from './campaign-terms';
import { creditEarningsLots } from './earnings';
import type { EarningsLotDraft } from './earnings';
import { splitCharge } from './fee-split';
import type { MoneyContext } from './money-context';
import { cents } from './money-context';

export type CountedHour = EventPayload<'analytics.participation_hour_counted'>;

export type HourChargeOutcome =
  /** An older or equal revision than the one already applied: nothing changed. */
  | { status: 'stale' }
  /** Counts recorded; `chargedCents` posted now (0 when nothing more was due or the caps were reached). */
  | { status: 'applied'; chargedCents: number; cappedCents: number };

/** The hour's whole price under the campaign's terms (fixed-fee campaigns are paid from the pot at the end). */
export function hourPrice(
  terms: Pick<CampaignTerms, 'pricingModel' | 'rateCents'>,
  impressions: number,
  clicks: number,
): bigint {
  switch (terms.pricingModel) {
    case 'cpm':
      return (BigInt(impressions) * terms.rateCents) / 1000n;
    case 'cpc':
      return BigInt(clicks) * terms.rateCents;
    case 'fixed':
      return 0n;
  }
}

export const chargeKey = (hour: CountedHour) =>
  `charge:${hour.participationId}:${new Date(hour.hourStart).toISOString()}:r${hour.revision}`;

interface HourRow {
  revision: number;
  chargedCents: bigint;
  impressions: number;
  clicks: number;
  campaignId: string;
  streamerId: string;
  /** ISO 8601, as `Date#toISOString` writes it. */
  hourStart: string;
  participationId: string;
  changed: boolean;
}

const hourId = (participationId: string, hourStart: string) => `${participationId}|${hourStart}`;

/**
 * Instants as `Date#toISOString` writes them, each distinct text parsed once: a batch's thousand
 * hours start at a handful of distinct hours, and parsing every one was a large part of the batch.
 */
function instantTexts() {
  const known = new Map<string, string>();
  return (text: string) => {
    let iso = known.get(text);
    if (iso === undefined) known.set(text, (iso = new Date(text).toISOString()));
    return iso;
  };
}

/**
 * Charges counted participation-hours, many in one transaction: each hour's price under its
 * campaign's terms, less what its earlier revisions already charged, capped at the escrow left and
 * the streamer's cap, is moved escrow → streamer pending earnings + one fee shard. A revision not
 * newer than the one applied changes nothing, so a replayed or late event is never charged twice.
 */
export async function chargeParticipationHours(
  tx: PaymentSql,
  context: MoneyContext,
  hours: CountedHour[],
): Promise<HourChargeOutcome[]> {
  if (hours.length === 0) return [];
  const now = context.now();
  const { platformFeeBps: feeBps } = await context.platformConfig.get();
  const terms = await lockCampaignTerms(
    tx,
    hours.map((hour) => hour.campaignId),
  );
  const isoOf = instantTexts();
  const rows = await lockHourRows(tx, hours, isoOf);
  const spend = await lockStreamerSpend(tx, hours, terms);
  const escrowCodes = [...terms.values()].map(
    (campaign) => accounts.campaignEscrow(campaign.campaignId, campaign.currency).code,
  );
  const escrowLeft = new Map(
    [...(await balancesOf(tx, escrowCodes)).entries()].map(([code, balances]) => [
      code,
      balances.available,
    ]),
  );

  const feeShards = new Map<string, AccountSpec>();
  const claimShard = async (currency: string, key: string) => {
    const shard = await claimFeeShard(tx, currency, feeShardFor(key));
    feeShards.set(currency, shard);
    return shard;
  };
  // One spec per account of the batch, not one per hour.
  const pendingSpecs = new Map<string, AccountSpec>();
  const streamerPending = (streamerId: string, currency: string) => {
    const id = `${streamerId}|${currency}`;
    let spec = pendingSpecs.get(id);
    if (!spec) pendingSpecs.set(id, (spec = accounts.streamerPending(streamerId, currency)));
    return spec;
  };
  const escrows = new Map(
    [...terms.values()].map((campaign) => [
      campaign.campaignId,
      accounts.campaignEscrow(campaign.campaignId, campaign.currency),
    ]),
  );

  const outcomes: HourChargeOutcome[] = [];
  const requests: EntryRequest[] = [];
  const lots: Array<EarningsLotDraft & { key: string }> = [];
  const chargedCampaigns = new Set<string>();
  for (const hour of hours) {
    const hourStart = isoOf(hour.hourStart);
    const row = rows.get(hourId(hour.participationId, hourStart))!;
    if (hour.revision <= row.revision) {
      outcomes.push({ status: 'stale' });
      continue;
    }
    row.revision = hour.revision;
    row.impressions = hour.impressions;
    row.clicks = hour.clicks;
    row.changed = true;
    const campaign = terms.get(hour.campaignId);
    if (!campaign) {
      outcomes.push({ status: 'applied', chargedCents: 0, cappedCents: 0 });
      continue;
    }
    const escrow = escrows.get(campaign.campaignId)!;
    const due = hourPrice(campaign, hour.impressions, hour.clicks) - row.chargedCents;
    if (due <= 0n) {
      outcomes.push({ status: 'applied', chargedCents: 0, cappedCents: 0 });
      continue;
    }
    const spendKey = `${hour.campaignId}|${hour.streamerId}`;
    const capLeft =
      campaign.perStreamerCapCents === null
        ? due
        : campaign.perStreamerCapCents - (spend.get(spendKey) ?? 0n);
    const left = escrowLeft.get(escrow.code) ?? 0n;
    const amount = [due, capLeft, left].reduce((min, value) => (value < min ? value : min));
    if (amount <= 0n) {
      outcomes.push({ status: 'applied', chargedCents: 0, cappedCents: cents(due) });
      continue;
    }
    // `chargeKey(hour)`, with the start parsed once per batch.
    const key = `charge:${hour.participationId}:${hourStart}:r${hour.revision}`;
    const { feeCents, earningsCents } = splitCharge(amount, feeBps);
    const postings: PostingRequest[] = [{ account: escrow, direction: 'debit', amount }];
    if (earningsCents > 0n) {
      postings.push({
        account: streamerPending(hour.streamerId, campaign.currency),
        direction: 'credit',
        amount: earningsCents,
      });
    }
    if (feeCents > 0n) {
      postings.push({
        account: feeShards.get(campaign.currency) ?? (await claimShard(campaign.currency, key)),
        direction: 'credit',
        amount: feeCents,
      });
    }
    requests.push({
      idempotencyKey: key,
      kind: 'charge',
      // The participation, hour and revision are in the key.
      cause: { campaignId: hour.campaignId, streamerId: hour.streamerId },
      postings,
    });
    if (earningsCents > 0n) {
      lots.push({
        key,
        streamerId: hour.streamerId,
        campaignId: hour.campaignId,
        currency: campaign.currency,
        amountCents: earningsCents,
      });
    }
    row.chargedCents += amount;
    escrowLeft.set(escrow.code, left - amount);
    // Spend per streamer is kept (and written back) only where a cap needs it.
    if (campaign.perStreamerCapCents !== null)
      spend.set(spendKey, (spend.get(spendKey) ?? 0n) + amount);
    campaign.spentCents += amount;
    chargedCampaigns.add(campaign.campaignId);
    outcomes.push({
      status: 'applied',
      chargedCents: cents(amount),
      cappedCents: cents(due - amount),
    });
  }

  // Each key names a revision newer than the hour's applied one, read under the hour's lock.
  const entries = await postEntries(tx, requests, now, { keysAreNew: true });
  const entryIdByKey = new Map(entries.map((entry) => [entry.idempotencyKey, entry.entryId]));
  await writeHourRows(
    tx,
    [...rows.values()].filter((row) => row.changed),
    now,
  );
  await writeSpend(tx, spend, terms, chargedCampaigns, now);
  await creditEarningsLots(
    tx,
    context,
    lots.map((lot) => ({ ...lot, entryId: entryIdByKey.get(lot.key)! })),
  );
  await recordEvents(
    tx,
    'payment.campaign_charged',
    [...chargedCampaigns].map((campaignId) => {
      const campaign = terms.get(campaignId)!;
      return {
        campaignId,
        brandId: campaign.brandId,
        spentCents: cents(campaign.spentCents),
        remainingCents: cents(campaign.budgetCents - campaign.spentCents),
      };
    }),
  );
  return outcomes;
}

/** A stable 64-bit advisory-lock key for one participation-hour. */
function hourLockKey(id: string): bigint {
  return hash('sha256', id, 'buffer').readBigInt64BE(0);
}

/**
 * Serializes the hours with any other transaction charging them (advisory locks, taken in key
 * order so two batches never wait on each other in a circle), then reads what was charged so far.
 * Hours never counted before read as revision 0.
 */
async function lockHourRows(
  tx: PaymentSql,
  hours: CountedHour[],
  isoOf: (text: string) => string,
): Promise<Map<string, HourRow>> {
  const distinct = new Map(
    hours.map((hour) => [hourId(hour.participationId, isoOf(hour.hourStart)), hour]),
  );
  const keys = [...distinct.keys()].map(hourLockKey).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await tx.$executeRawUnsafe(
    `SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) WITH ORDINALITY AS v(k, n) ORDER BY n`,
    plainArrayLiteral(keys),
  );
  const list = [...distinct.values()];
  // One primary-key probe per hour (LATERAL … LIMIT 1): a join let the planner hash the whole
  // table for every batch, a cost that grew with every hour ever charged.
  const existing = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT c."participationId", c."hourStart", c."revision", c."impressions", c."clicks", c."chargedCents"::text
     FROM unnest($1::uuid[], $2::timestamptz[]) AS v(p, h)
     CROSS JOIN LATERAL (
       SELECT * FROM "participation_hour_charges" c WHERE c."participationId" = v.p AND c."hourStart" = v.h LIMIT 1
     ) c`,
    plainArrayLiteral(list.map((hour) => hour.participationId)),
    plainArrayLiteral(list.map((hour) => isoOf(hour.hourStart))),
  );
  const found = new Map(
    existing.map((row) => [
      hourId(row.participationId as string, new Date(row.hourStart as Date).toISOString()),
      row,
    ]),
  );
  return new Map(
    [...distinct.entries()].map(([id, hour]) => {
      const row = found.get(id);
      return [
        id,
        {
          participationId: hour.participationId,
          hourStart: isoOf(hour.hourStart),
          campaignId: hour.campaignId,
          streamerId: hour.streamerId,
          revision: row ? Number(row.revision) : 0,
          impressions: row ? Number(row.impressions) : 0,
          clicks: row ? Number(row.clicks) : 0,
          chargedCents: row ? toBigInt(row.chargedCents) : 0n,
          changed: false,
        },
      ];
    }),
  );
}

async function lockStreamerSpend(
  tx: PaymentSql,
  hours: CountedHour[],
  terms: Map<string, CampaignTerms>,
) {
  const pairs = [
    ...new Map(
      hours
        .filter((hour) => terms.get(hour.campaignId)?.perStreamerCapCents != null)
        .map((hour) => [`${hour.campaignId}|${hour.streamerId}`, hour]),
    ).values(),
  ];
  const spend = new Map<string, bigint>();
  if (pairs.length === 0) return spend;
  await tx.$executeRawUnsafe(
    `INSERT INTO "campaign_streamer_spend" ("campaignId", "streamerId")
     SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
    pairs.map((hour) => hour.campaignId),
    pairs.map((hour) => hour.streamerId),
  );
  const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT s."campaignId", s."streamerId", s."spentCents"::text FROM "campaign_streamer_spend" s
     JOIN unnest($1::uuid[], $2::uuid[]) AS v(c, st) ON s."campaignId" = v.c AND s."streamerId" = v.st
     ORDER BY s."campaignId", s."streamerId" FOR UPDATE OF s`,
    pairs.map((hour) => hour.campaignId),
    pairs.map((hour) => hour.streamerId),
  );
  for (const row of rows)
    spend.set(`${String(row.campaignId)}|${String(row.streamerId)}`, toBigInt(row.spentCents));
  return spend;
}

async function writeHourRows(tx: PaymentSql, rows: HourRow[], now: Date) {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "participation_hour_charges" AS c
       ("participationId", "hourStart", "campaignId", "streamerId", "revision", "impressions", "clicks", "chargedCents", "updatedAt")
     SELECT p, h, ca, s, r, i, k, ch, $9::timestamptz
     FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::int[], $6::int[], $7::int[], $8::bigint[]) AS v(p, h, ca, s, r, i, k, ch)
     ON CONFLICT ("participationId", "hourStart") DO UPDATE
       SET "revision" = EXCLUDED."revision", "impressions" = EXCLUDED."impressions", "clicks" = EXCLUDED."clicks",
           "chargedCents" = EXCLUDED."chargedCents", "updatedAt" = EXCLUDED."updatedAt"`,
    plainArrayLiteral(rows.map((row) => row.participationId)),
    plainArrayLiteral(rows.map((row) => row.hourStart)),
    plainArrayLiteral(rows.map((row) => row.campaignId)),
    plainArrayLiteral(rows.map((row) => row.streamerId)),
    plainArrayLiteral(rows.map((row) => row.revision)),
    plainArrayLiteral(rows.map((row) => row.impressions)),
    plainArrayLiteral(rows.map((row) => row.clicks)),
    plainArrayLiteral(rows.map((row) => row.chargedCents)),
    now,
  );
}

async function writeSpend(
  tx: PaymentSql,
  spend: Map<string, bigint>,
  terms: Map<string, CampaignTerms>,
  chargedCampaigns: Set<string>,
  now: Date,
) {
  const charged = [...chargedCampaigns].map((campaignId) => terms.get(campaignId)!);
  if (charged.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "campaign_terms" t SET "spentCents" = v.s, "updatedAt" = $3::timestamptz
     FROM unnest($1::uuid[], $2::bigint[]) AS v(c, s) WHERE t."campaignId" = v.c`,
    charged.map((campaign) => campaign.campaignId),
    charged.map((campaign) => campaign.spentCents.toString()),
    now,
  );
  const capped = [...spend.entries()].filter(([key]) => chargedCampaigns.has(key.split('|')[0]!));
  if (capped.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "campaign_streamer_spend" s SET "spentCents" = v.s
     FROM unnest($1::uuid[], $2::uuid[], $3::bigint[]) AS v(c, st, s) WHERE s."campaignId" = v.c AND s."streamerId" = v.st`,
    capped.map(([key]) => key.split('|')[0]!),
    capped.map(([key]) => key.split('|')[1]!),
    capped.map(([, value]) => value.toString()),
  );
}
