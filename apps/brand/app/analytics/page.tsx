import { chosenReportRange } from '@gametriggers/contracts';
import {
  ButtonLink,
  DeliveryCharts,
  DeliveryTotals,
  EmptyState,
  PageHeader,
  ReportRangePicker,
  StatCard,
  Table,
  deliveryFigureColumns,
} from '@gametriggers/ui';
import { estimatedSpendCents } from '../../components/analytics/estimated-cost';
import { CampaignStatusBadge } from '../../components/campaigns/campaign-status-badge';
import { formatMoney, pricingLabel } from '../../components/campaigns/formatting';
import type { Campaign } from '../../components/campaigns/types';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

const CAMPAIGN_PAGE_SIZE = 100;
const MAX_CAMPAIGN_PAGES = 10;

type Api = Awaited<ReturnType<typeof portal.sessionApi>>;

/** The brand's campaigns (newest first), enough pages to name every campaign in the report. */
async function campaignsNamed(api: Api, wanted: ReadonlySet<string>) {
  const found = new Map<string, Campaign>();
  let cursor: string | undefined;
  let total = 0;
  for (let page = 0; page < MAX_CAMPAIGN_PAGES; page += 1) {
    const result = await api.campaign.listMine.query({ limit: CAMPAIGN_PAGE_SIZE, cursor });
    total = result.counts.all;
    for (const campaign of result.items) found.set(campaign.id, campaign);
    if (!result.nextCursor || [...wanted].every((id) => found.has(id))) break;
    cursor = result.nextCursor;
  }
  return { found, total };
}

export default async function BrandAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<{ range?: string; granularity?: string }>;
}) {
  const range = chosenReportRange(await searchParams);
  const api = await portal.sessionApi();
  const report = await api.analytics.brand.query({
    from: range.from,
    to: range.to,
    granularity: range.granularity,
  });
  const { found: campaigns, total: campaignCount } = await campaignsNamed(
    api,
    new Set(report.byCampaign.map((row) => row.campaignId)),
  );
  const rows = report.byCampaign.map((row) => {
    const campaign = campaigns.get(row.campaignId);
    return {
      ...row,
      campaign,
      spendCents: campaign ? estimatedSpendCents(campaign.pricing, row) : null,
    };
  });
  const spendCents = rows.reduce((sum, row) => sum + (row.spendCents ?? 0), 0);

  return (
    <portal.Shell>
      <PageHeader
        title="Analytics"
        description="Impressions and clicks across all your campaigns."
      />
      {campaignCount === 0 ? (
        <EmptyState
          title="No campaigns yet"
          action={<ButtonLink href="/campaigns/new">Create a campaign</ButtonLink>}
        >
          Once a campaign is approved and streamers show it, its impressions and clicks add up here.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <ReportRangePicker path="/analytics" range={range} />

          <DeliveryTotals totals={report.totals}>
            <StatCard
              label="Estimated spend"
              value={formatMoney(spendCents)}
              hint="Estimated from each campaign’s pricing; billing is not live yet."
              testId="analytics-spend"
            />
          </DeliveryTotals>

          <DeliveryCharts series={report.series} range={range} />
          <p className="text-xs text-slate-500">
            Times are in UTC. Counts update within a few minutes of delivery.
          </p>

          <section aria-labelledby="by-campaign-heading" className="space-y-3">
            <h2 id="by-campaign-heading" className="text-lg font-semibold text-slate-900">
              By campaign
            </h2>
            {rows.length === 0 ? (
              <EmptyState title="No campaign was shown in this period">
                When streamers who joined your campaigns go live with their overlay, each campaign’s
                impressions and clicks appear here. Try a longer period, too.
              </EmptyState>
            ) : (
              <Table
                caption="Impressions, clicks and estimated spend per campaign"
                rows={rows}
                rowKey={(row) => row.campaignId}
                rowTestId="analytics-campaign-row"
                phoneLayout="cards"
                columns={[
                  {
                    header: 'Campaign',
                    cell: (row) =>
                      row.campaign ? (
                        <span className="flex flex-col gap-1">
                          <a
                            href={`/campaigns/${row.campaignId}/analytics`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {row.campaign.title}
                          </a>
                          <span className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                            <CampaignStatusBadge status={row.campaign.status} />
                            {pricingLabel(row.campaign.pricing)}
                          </span>
                        </span>
                      ) : (
                        `Campaign ${row.campaignId.slice(0, 8)}`
                      ),
                  },
                  ...deliveryFigureColumns<(typeof rows)[number]>(),
                  {
                    header: 'Est. spend',
                    cell: (row) => (row.spendCents === null ? '—' : formatMoney(row.spendCents)),
                    className: 'text-right',
                  },
                ]}
              />
            )}
          </section>
        </div>
      )}
    </portal.Shell>
  );
}
