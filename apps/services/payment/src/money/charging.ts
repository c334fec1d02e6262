import type { EventPayload } from '@gametriggers/events';
import { recordEvent } from '@gametriggers/events';
import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import { balancesOf } from '../ledger/balances';
import { accounts, feeShardFor } from '../ledger/chart-of-accounts';
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
export function hourPrice(terms: Pick<CampaignTerms, 'pricingModel' | 'rateCents'>, impressions: number, clicks: number): bigint {
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
  hourStart: Date;
  participationId: string;
  changed: boolean;
}

const hourId = (participationId: string, hourStart: Date) => `${participationId}|${hourStart.toISOString()}`;

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
  const terms = await lockCampaignTerms(
    tx,
    hours.map((hour) => hour.campaignId),
  );
  const rows = await lockHourRows(tx, hours, now);
  const spend = await lockStreamerSpend(tx, hours, terms);
  const escrowCodes = [...terms.values()].map((campaign) => accounts.campaignEscrow(campaign.campaignId, campaign.currency).code);
  const escrowLeft = new Map(
    [...(await balancesOf(tx, escrowCodes)).entries()].map(([code, balances]) => [code, balances.available]),
  );

  const outcomes: HourChargeOutcome[] = [];
  const requests: EntryRequest[] = [];
  const lots: Array<EarningsLotDraft & { key: string }> = [];
  const chargedCampaigns = new Set<string>();
  for (const hour of hours) {
    const row = rows.get(hourId(hour.participationId, new Date(hour.hourStart)))!;
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
    const escrow = accounts.campaignEscrow(campaign.campaignId, campaign.currency);
    const due = hourPrice(campaign, hour.impressions, hour.clicks) - row.chargedCents;
    if (due <= 0n) {
      outcomes.push({ status: 'applied', chargedCents: 0, cappedCents: 0 });
      continue;
    }
    const spendKey = `${hour.campaignId}|${hour.streamerId}`;
    const capLeft =
      campaign.perStreamerCapCents === null ? due : campaign.perStreamerCapCents - (spend.get(spendKey) ?? 0n);
    const left = escrowLeft.get(escrow.code) ?? 0n;
    const amount = [due, capLeft, left].reduce((min, value) => (value < min ? value : min));
    if (amount <= 0n) {
      outcomes.push({ status: 'applied', chargedCents: 0, cappedCents: cents(due) });
      continue;
    }
    const key = chargeKey(hour);
    const { feeCents, earningsCents } = splitCharge(amount, context.feeBps);
    const postings: PostingRequest[] = [{ account: escrow, direction: 'debit', amount }];
    if (earningsCents > 0n) {
      postings.push({ account: accounts.streamerPending(hour.streamerId, campaign.currency), direction: 'credit', amount: earningsCents });
    }
    if (feeCents > 0n) {
      postings.push({ account: accounts.platformFees(feeShardFor(key), campaign.currency), direction: 'credit', amount: feeCents });
    }
    requests.push({
      idempotencyKey: key,
      kind: 'charge',
      cause: { participationId: hour.participationId, hourStart: hour.hourStart, revision: hour.revision, campaignId: hour.campaignId, streamerId: hour.streamerId },
      postings,
    });
    if (earningsCents > 0n) {
      lots.push({ key, streamerId: hour.streamerId, campaignId: hour.campaignId, currency: campaign.currency, amountCents: earningsCents });
    }
    row.chargedCents += amount;
    escrowLeft.set(escrow.code, left - amount);
    spend.set(spendKey, (spend.get(spendKey) ?? 0n) + amount);
    campaign.spentCents += amount;
    chargedCampaigns.add(campaign.campaignId);
    outcomes.push({ status: 'applied', chargedCents: cents(amount), cappedCents: cents(due - amount) });
  }

  const entries = await postEntries(tx, requests, now);
  const entryIdByKey = new Map(entries.map((entry) => [entry.idempotencyKey, entry.entryId]));
  await writeHourRows(tx, [...rows.values()].filter((row) => row.changed), now);
  await writeSpend(tx, spend, terms, chargedCampaigns, now);
  await creditEarningsLots(
    tx,
    context,
    lots.map((lot) => ({ ...lot, entryId: entryIdByKey.get(lot.key)! })),
  );
  for (const campaignId of chargedCampaigns) {
    const campaign = terms.get(campaignId)!;
    await recordEvent(tx, 'payment.campaign_charged', {
      campaignId,
      brandId: campaign.brandId,
      spentCents: cents(campaign.spentCents),
      remainingCents: cents(campaign.budgetCents - campaign.spentCents),
    });
  }
  return outcomes;
}

async function lockHourRows(tx: PaymentSql, hours: CountedHour[], now: Date): Promise<Map<string, HourRow>> {
  const distinct = new Map(hours.map((hour) => [hourId(hour.participationId, new Date(hour.hourStart)), hour]));
  const list = [...distinct.values()];
  // Revision 0 stands for "nothing applied yet", so a first count and its replay meet on one row.
  await tx.$executeRawUnsafe(
    `INSERT INTO "participation_hour_charges" ("participationId", "hourStart", "campaignId", "streamerId", "revision", "impressions", "clicks", "updatedAt")
     SELECT p, h, c, s, 0, 0, 0, $5::timestamptz FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[]) AS v(p, h, c, s)
     ORDER BY p, h
     ON CONFLICT DO NOTHING`,
    list.map((hour) => hour.participationId),
    list.map((hour) => new Date(hour.hourStart)),
    list.map((hour) => hour.campaignId),
    list.map((hour) => hour.streamerId),
    now,
  );
  const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT c."participationId", c."hourStart", c."campaignId", c."streamerId", c."revision", c."impressions", c."clicks", c."chargedCents"::text
     FROM "participation_hour_charges" c
     JOIN unnest($1::uuid[], $2::timestamptz[]) AS v(p, h) ON c."participationId" = v.p AND c."hourStart" = v.h
     ORDER BY c."participationId", c."hourStart"
     FOR UPDATE OF c`,
    list.map((hour) => hour.participationId),
    list.map((hour) => new Date(hour.hourStart)),
  );
  return new Map(
    rows.map((row) => {
      const hourStart = new Date(row.hourStart as Date | string);
      const participationId = row.participationId as string;
      return [
        hourId(participationId, hourStart),
        {
          participationId,
          hourStart,
          campaignId: row.campaignId as string,
          streamerId: row.streamerId as string,
          revision: Number(row.revision),
          impressions: Number(row.impressions),
          clicks: Number(row.clicks),
          chargedCents: toBigInt(row.chargedCents),
          changed: false,
        },
      ];
    }),
  );
}

async function lockStreamerSpend(tx: PaymentSql, hours: CountedHour[], terms: Map<string, CampaignTerms>) {
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
  for (const row of rows) spend.set(`${String(row.campaignId)}|${String(row.streamerId)}`, toBigInt(row.spentCents));
  return spend;
}

async function writeHourRows(tx: PaymentSql, rows: HourRow[], now: Date) {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "participation_hour_charges" c
     SET "revision" = v.r, "impressions" = v.i, "clicks" = v.k, "chargedCents" = v.ch, "updatedAt" = $7::timestamptz
     FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::bigint[]) AS v(p, h, r, i, k, ch)
     WHERE c."participationId" = v.p AND c."hourStart" = v.h`,
    rows.map((row) => row.participationId),
    rows.map((row) => row.hourStart),
    rows.map((row) => row.revision),
    rows.map((row) => row.impressions),
    rows.map((row) => row.clicks),
    rows.map((row) => row.chargedCents.toString()),
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
