import { chosenReportRange, deliveryValueAtRateCents } from '@gametriggers/contracts';
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
import { formatMoney, rateLabel } from '../../components/marketplace/formatting';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

const PARTICIPATIONS_FOR_NAMES = 100;
/** Rates are looked up per campaign shown; beyond this many the rest go without an estimate. */
const MAX_RATE_LOOKUPS = 25;

export default async function StreamerAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<{ range?: string; granularity?: string }>;
}) {
  const range = chosenReportRange(await searchParams);
  const api = await portal.sessionApi();
  const [report, participations] = await Promise.all([
    api.analytics.streamer.query({
      from: range.from,
      to: range.to,
      granularity: range.granularity,
    }),
    // Names are a nicety: without them the table still shows each campaign's numbers.
    api.participation.listMine.query({ limit: PARTICIPATIONS_FOR_NAMES }).catch(() => null),
  ]);
  const titleOf = new Map(
    (participations?.items ?? []).map((entry) => [entry.campaignId, entry.campaignTitle]),
  );
  // A campaign's rate is public while it runs; an ended campaign has no estimate here.
  const pricingOf = new Map(
    await Promise.all(
      report.byCampaign.slice(0, MAX_RATE_LOOKUPS).map(
        async (row) =>
          [
            row.campaignId,
            await api.campaign.publicView
              .query({ campaignId: row.campaignId })
              .then((campaign) => campaign.pricing)
              .catch(() => null),
          ] as const,
      ),
    ),
  );
  const rows = report.byCampaign.map((row) => {
    const pricing = pricingOf.get(row.campaignId) ?? null;
    return {
      ...row,
      title: titleOf.get(row.campaignId) ?? `Campaign ${row.campaignId.slice(0, 8)}`,
      pricing,
      // A fixed fee is shared by impressions among everyone taking part, which a streamer cannot
      // see, so it has no estimate here.
      valueCents: pricing ? deliveryValueAtRateCents(pricing, row) : null,
    };
  });
  const valueCents = rows.reduce((sum, row) => sum + (row.valueCents ?? 0), 0);
  const partial = rows.some((row) => row.valueCents === null);
  const neverJoined = participations !== null && participations.items.length === 0;

  return (
    <portal.Shell>
      <PageHeader
        title="Analytics"
        description="What your overlay delivered: impressions, clicks and what they are worth at each campaign’s rate."
      />
      {neverJoined ? (
        <EmptyState
          title="No campaigns yet"
          action={<ButtonLink href="/marketplace">Find campaigns</ButtonLink>}
        >
          Join a campaign in the marketplace and go live with your overlay; your impressions, clicks
          and earnings show up here.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <ReportRangePicker path="/analytics" range={range} />

          <DeliveryTotals totals={report.totals}>
            <StatCard
              label="Value at campaign rates"
              value={formatMoney(valueCents)}
              hint={
                partial
                  ? 'Before the platform fee; fixed-fee and ended campaigns are left out. Your earnings are set when payouts go live.'
                  : 'Before the platform fee. Your earnings are set when payouts go live.'
              }
              testId="analytics-value-at-rate"
            />
          </DeliveryTotals>

          <DeliveryCharts series={report.series} range={range} withClickThroughRate />
          <p className="text-xs text-slate-500">
            Times are in UTC. Counts update within a few minutes of delivery, only while you are
            live.
          </p>

          <section aria-labelledby="by-campaign-heading" className="space-y-3">
            <h2 id="by-campaign-heading" className="text-lg font-semibold text-slate-900">
              By campaign
            </h2>
            {rows.length === 0 ? (
              <EmptyState title="Nothing delivered in this period">
                Go live with your overlay running while you take part in a campaign; each campaign’s
                impressions and clicks appear here. Try a longer period, too.
              </EmptyState>
            ) : (
              <Table
                caption="Impressions, clicks and value at the campaign’s rate, per campaign"
                rows={rows}
                rowKey={(row) => row.campaignId}
                rowTestId="analytics-campaign-row"
                phoneLayout="cards"
                columns={[
                  {
                    header: 'Campaign',
                    cell: (row) => (
                      <span className="flex flex-col gap-0.5">
                        <span className="font-medium text-slate-900">{row.title}</span>
                        {row.pricing ? (
                          <span className="text-xs text-slate-500">{rateLabel(row.pricing)}</span>
                        ) : null}
                      </span>
                    ),
                  },
                  ...deliveryFigureColumns<(typeof rows)[number]>(),
                  {
                    header: 'Value at rate',
                    cell: (row) =>
                      row.valueCents === null ? '—' : formatMoney(row.valueCents),
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
