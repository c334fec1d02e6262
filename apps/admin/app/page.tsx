import type { PlatformStatsGranularity } from '@gametriggers/contracts';
import { chosenPlatformStatsRange, platformStatsPresets } from '@gametriggers/contracts';
import {
  Alert,
  BarChart,
  Card,
  LineChart,
  PageHeader,
  RangePicker,
  StatCard,
  Table,
  deliveryFigureColumns,
} from '@gametriggers/ui';
import { formatCents, formatCount, mergedBuckets } from '../components/dashboard/formatting';
import { portal } from '../portal';

export const dynamic = 'force-dynamic';

/** A figure from one service: its value, or null when that service did not answer (the rest still shows). */
async function settled<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch {
    return null;
  }
}

const unavailable = '—';

const granularities: ReadonlyArray<{ value: PlatformStatsGranularity; label: string }> = [
  { value: 'day', label: 'Daily' },
  { value: 'week', label: 'Weekly' },
  { value: 'month', label: 'Monthly' },
];

export default async function AdminDashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ range?: string; granularity?: string }>;
}) {
  const session = await portal.requireSession();
  const seesFinancials = session.user.permissions.includes('canViewFinancials');
  const range = chosenPlatformStatsRange(await searchParams, new Date());
  const window = { from: range.from, to: range.to, granularity: range.granularity };
  const api = await portal.sessionApi();
  const [signups, campaigns, streamers, activity, revenue] = await Promise.all([
    settled(api.identity.admin.signupStats.query(window)),
    settled(api.campaign.platformStats.query(window)),
    settled(api.streamer.platformStats.query()),
    settled(api.analytics.platformActivity.query(window)),
    seesFinancials ? settled(api.payment.dashboard.revenue.query(window)) : Promise.resolve(null),
  ]);
  const [campaignTitles, streamerProfiles] = await Promise.all([
    activity?.topCampaigns.length
      ? settled(
          api.campaign.titles.query({
            campaignIds: activity.topCampaigns.map((row) => row.campaignId),
          }),
        )
      : null,
    activity?.topStreamers.length
      ? settled(
          api.streamer.profilesForAdmin.query({
            streamerIds: activity.topStreamers.map((row) => row.streamerId),
          }),
        )
      : null,
  ]);
  const topCampaigns = activity?.topCampaigns ?? [];
  const topStreamers = activity?.topStreamers ?? [];
  const titleOf = new Map((campaignTitles ?? []).map((row) => [row.campaignId, row]));
  const nameOf = new Map((streamerProfiles ?? []).map((row) => [row.streamerId, row.displayName]));

  const growth = mergedBuckets(range.granularity, [
    {
      key: 'brands',
      points: (signups?.series ?? []).map((b) => ({ bucketStart: b.bucketStart, value: b.brands })),
    },
    {
      key: 'streamers',
      points: (signups?.series ?? []).map((b) => ({
        bucketStart: b.bucketStart,
        value: b.streamers,
      })),
    },
  ]);
  const delivery = mergedBuckets(range.granularity, [
    {
      key: 'impressions',
      points: (activity?.series ?? []).map((b) => ({
        bucketStart: b.bucketStart,
        value: b.impressions,
      })),
    },
  ]);
  const money = mergedBuckets(range.granularity, [
    {
      key: 'spend',
      points: (revenue?.series ?? []).map((b) => ({
        bucketStart: b.bucketStart,
        value: b.spendCents,
      })),
    },
    {
      key: 'fees',
      points: (revenue?.series ?? []).map((b) => ({
        bucketStart: b.bucketStart,
        value: b.feeCents,
      })),
    },
  ]);
  const missing = [
    signups ? null : 'accounts',
    campaigns ? null : 'campaigns',
    streamers ? null : 'streamers',
    activity ? null : 'delivery',
    seesFinancials && !revenue ? 'money' : null,
  ].filter(Boolean);

  return (
    <portal.Shell>
      <PageHeader
        title="Dashboard"
        description="The marketplace at a glance: who joins, what runs, what it earns."
      />
      <div className="space-y-6">
        <RangePicker
          presets={platformStatsPresets}
          granularities={granularities}
          current={range}
          // A new period starts with its own bucket size (read back by `chosenPlatformStatsRange`).
          href={(change) =>
            `/?${new URLSearchParams({
              range: change.range ?? range.preset,
              granularity: change.granularity ?? (change.range ? '' : range.granularity),
            }).toString()}`
          }
          testId="dashboard-range"
        />
        {missing.length > 0 ? (
          <Alert tone="warning">
            Some figures are unavailable right now ({missing.join(', ')}); see Platform health.
          </Alert>
        ) : null}

        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="dashboard-stats">
          <StatCard
            label="Brands"
            value={signups ? formatCount(signups.total.brands) : unavailable}
            hint={signups ? `${formatCount(signups.inRange.brands)} new in this period` : undefined}
            testId="stat-brands"
          />
          <StatCard
            label="Streamers"
            value={signups ? formatCount(signups.total.streamers) : unavailable}
            hint={
              signups ? `${formatCount(signups.inRange.streamers)} new in this period` : undefined
            }
            testId="stat-streamers"
          />
          <StatCard
            label="Active campaigns"
            value={campaigns ? formatCount(campaigns.byStatus.active) : unavailable}
            hint={
              campaigns
                ? `${formatCount(campaigns.byStatus.pending_review)} awaiting review · ${formatCount(campaigns.launchedInRange)} launched in this period`
                : undefined
            }
            testId="stat-active-campaigns"
          />
          <StatCard
            label="Live streamers"
            value={streamers ? formatCount(streamers.liveNow) : unavailable}
            hint={streamers ? `${formatCount(streamers.liveViewers)} viewers now` : undefined}
            testId="stat-live-streamers"
          />
          <StatCard
            label="Impressions"
            value={activity ? formatCount(activity.totals.impressions) : unavailable}
            hint={activity ? `${formatCount(activity.totals.clicks)} clicks` : undefined}
            testId="stat-impressions"
          />
          {seesFinancials ? (
            <>
              <StatCard
                label="Campaign spend"
                value={revenue ? formatCents(revenue.spendCents) : unavailable}
                testId="stat-spend"
              />
              <StatCard
                label="Platform revenue (fees)"
                value={revenue ? formatCents(revenue.feeCents) : unavailable}
                testId="stat-revenue"
              />
            </>
          ) : null}
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card className="space-y-3">
            <h2 className="font-semibold text-slate-900">Sign-ups</h2>
            <BarChart
              title={`Brand and streamer sign-ups per ${range.granularity} (UTC)`}
              labels={growth.labels}
              series={[
                { name: 'Brands', values: growth.valuesOf('brands') },
                { name: 'Streamers', values: growth.valuesOf('streamers') },
              ]}
              emptyText="No sign-ups in this period."
              testId="dashboard-signups-chart"
            />
          </Card>
          <Card className="space-y-3">
            <h2 className="font-semibold text-slate-900">Impressions</h2>
            <LineChart
              title={`Impressions per ${range.granularity} (UTC)`}
              labels={delivery.labels}
              series={[{ name: 'Impressions', values: delivery.valuesOf('impressions') }]}
              emptyText="No impressions in this period."
              testId="dashboard-impressions-chart"
            />
          </Card>
          {seesFinancials ? (
            <Card className="space-y-3 lg:col-span-2">
              <h2 className="font-semibold text-slate-900">Spend and revenue</h2>
              <LineChart
                title={`Campaign spend and platform fees per ${range.granularity} (UTC)`}
                labels={money.labels}
                series={[
                  { name: 'Spend', values: money.valuesOf('spend') },
                  { name: 'Fees', values: money.valuesOf('fees') },
                ]}
                formatValue={formatCents}
                emptyText="Nothing was charged in this period."
                testId="dashboard-money-chart"
              />
            </Card>
          ) : null}
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card className="space-y-3">
            <h2 className="font-semibold text-slate-900">Top campaigns</h2>
            <Table
              caption="Campaigns with the most impressions in this period"
              rows={topCampaigns}
              rowKey={(row) => row.campaignId}
              rowTestId="top-campaign-row"
              columns={[
                {
                  header: 'Campaign',
                  cell: (row) => {
                    const campaign = titleOf.get(row.campaignId);
                    return campaign ? (
                      <span className="font-medium">{campaign.title}</span>
                    ) : (
                      <span className="font-mono text-xs">{row.campaignId}</span>
                    );
                  },
                },
                {
                  header: 'Brand',
                  cell: (row) => titleOf.get(row.campaignId)?.brandName ?? unavailable,
                },
                ...deliveryFigureColumns<(typeof topCampaigns)[number]>(),
              ]}
            />
          </Card>
          <Card className="space-y-3">
            <h2 className="font-semibold text-slate-900">Top streamers</h2>
            <Table
              caption="Streamers with the most impressions in this period"
              rows={topStreamers}
              rowKey={(row) => row.streamerId}
              rowTestId="top-streamer-row"
              columns={[
                {
                  header: 'Streamer',
                  cell: (row) =>
                    nameOf.get(row.streamerId) ?? (
                      <span className="font-mono text-xs">{row.streamerId}</span>
                    ),
                },
                ...deliveryFigureColumns<(typeof topStreamers)[number]>(),
              ]}
            />
          </Card>
        </div>
      </div>
    </portal.Shell>
  );
}
