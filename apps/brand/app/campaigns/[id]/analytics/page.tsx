import { chosenReportRange, reportRangeSearchParams } from '@gametriggers/contracts';
import {
  Alert,
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
import { notFound } from 'next/navigation';
import { isMissingCampaign } from '../../../../components/analytics/api-errors';
import {
  estimateBasis,
  estimatedSpendCents,
} from '../../../../components/analytics/estimated-cost';
import { formatMoney, pricingLabel } from '../../../../components/campaigns/formatting';
import { portal } from '../../../../portal';

export const dynamic = 'force-dynamic';

const PARTICIPANT_NAMES_LIMIT = 100;

export default async function CampaignAnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ range?: string; granularity?: string }>;
}) {
  const { id } = await params;
  const range = chosenReportRange(await searchParams);
  const api = await portal.sessionApi();
  const refuse = (error: unknown): never => {
    if (isMissingCampaign(error)) notFound();
    throw error;
  };
  const [campaign, report] = await Promise.all([
    api.campaign.get.query({ campaignId: id }).catch(refuse),
    api.analytics.campaign
      .query({ campaignId: id, from: range.from, to: range.to, granularity: range.granularity })
      .catch(refuse),
  ]);
  // Names are a nicety: without them the table still shows each streamer's numbers.
  const participants = await api.participation.listForCampaign
    .query({ campaignId: id, limit: PARTICIPANT_NAMES_LIMIT })
    .catch(() => null);
  const nameOf = new Map(
    (participants?.items ?? []).map((entry) => [entry.streamerId, entry.streamer.displayName]),
  );
  const spend = estimatedSpendCents(campaign.pricing, {
    ...report.totals,
    deliveringStreamers: report.byStreamer.filter((row) => row.impressions > 0).length,
  });
  const path = `/campaigns/${campaign.id}/analytics`;
  const exportQuery = reportRangeSearchParams(range);

  return (
    <portal.Shell>
      <p className="mb-2 text-sm">
        <a href={`/campaigns/${campaign.id}`} className="text-brand-700 hover:underline">
          ← {campaign.title}
        </a>
      </p>
      <PageHeader
        title="Campaign analytics"
        description={`${campaign.title} · ${pricingLabel(campaign.pricing)}`}
        actions={
          <ButtonLink href={`${path}/export?${exportQuery.toString()}`} variant="secondary">
            Export CSV
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <ReportRangePicker path={path} range={range} />

        <DeliveryTotals totals={report.totals}>
          <StatCard
            label="Estimated spend"
            value={formatMoney(spend)}
            hint={`${estimateBasis(campaign.pricing.model)}; billing is not live yet.`}
            testId="analytics-spend"
          />
        </DeliveryTotals>

        <DeliveryCharts series={report.series} range={range} />
        <p className="text-xs text-slate-500">
          Times are in UTC. Counts update within a few minutes of delivery.
        </p>

        <section aria-labelledby="by-streamer-heading" className="space-y-3">
          <h2 id="by-streamer-heading" className="text-lg font-semibold text-slate-900">
            By streamer
          </h2>
          {report.byStreamer.length === 0 ? (
            <EmptyState title="No streamer has shown this campaign in this period">
              Once streamers who joined go live with their overlay, their impressions and clicks
              appear here.
            </EmptyState>
          ) : (
            <Table
              caption="Impressions and clicks per streamer"
              rows={report.byStreamer}
              rowKey={(row) => row.streamerId}
              rowTestId="analytics-streamer-row"
              phoneLayout="cards"
              columns={[
                {
                  header: 'Streamer',
                  cell: (row) =>
                    nameOf.get(row.streamerId) ?? `Streamer ${row.streamerId.slice(0, 8)}`,
                },
                ...deliveryFigureColumns<(typeof report.byStreamer)[number]>(),
              ]}
            />
          )}
        </section>
        {participants === null ? (
          <Alert tone="info">Streamer names could not be loaded; their numbers are complete.</Alert>
        ) : null}
      </div>
    </portal.Shell>
  );
}
