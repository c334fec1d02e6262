import type { PricingModel } from '@gametriggers/contracts';
import type { PaymentSql } from '../database';
import { toBigInt } from '../database';

export interface CampaignTerms {
  campaignId: string;
  brandId: string;
  currency: string;
  pricingModel: PricingModel;
  rateCents: bigint;
  perStreamerCapCents: bigint | null;
  budgetCents: bigint;
  spentCents: bigint;
  adjustments: number;
  status: 'reserved' | 'released';
}

const columns = `"campaignId", "brandId", "currency", "pricingModel", "rateCents"::text, "perStreamerCapCents"::text,
  "budgetCents"::text, "spentCents"::text, "adjustments", "status"`;

function fromRow(row: Record<string, unknown>): CampaignTerms {
  return {
    campaignId: row.campaignId as string,
    brandId: row.brandId as string,
    currency: row.currency as string,
    pricingModel: row.pricingModel as PricingModel,
    rateCents: toBigInt(row.rateCents),
    perStreamerCapCents:
      row.perStreamerCapCents === null ? null : toBigInt(row.perStreamerCapCents),
    budgetCents: toBigInt(row.budgetCents),
    spentCents: toBigInt(row.spentCents),
    adjustments: Number(row.adjustments),
    status: row.status as CampaignTerms['status'],
  };
}

/** The campaigns' terms, locked in id order for the rest of the transaction. */
export async function lockCampaignTerms(
  tx: PaymentSql,
  campaignIds: string[],
): Promise<Map<string, CampaignTerms>> {
  const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT ${columns} FROM "campaign_terms" WHERE "campaignId" = ANY($1::uuid[]) ORDER BY "campaignId" FOR UPDATE`,
    [...new Set(campaignIds)],
  );
  return new Map(rows.map((row) => [row.campaignId as string, fromRow(row)]));
}

export async function readCampaignTerms(
  sql: PaymentSql,
  campaignId: string,
): Promise<CampaignTerms | null> {
  const [row] = await sql.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT ${columns} FROM "campaign_terms" WHERE "campaignId" = $1::uuid`,
    campaignId,
  );
  return row ? fromRow(row) : null;
}
