import { TRPCClientError } from '@gametriggers/api';
import { AdCardPreview, Card, DetailList, PageHeader, StatCard } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import {
  categoryLabel,
  countryLabel,
  formatCount,
  formatMoney,
  languageLabel,
  listLabel,
  rateUnit,
} from '../../../components/marketplace/formatting';
import { EndsIn, LocalTime } from '../../../components/marketplace/time-left';
import { ReportAd } from '../../../components/marketplace/report-ad';
import { JoinCampaignPanel } from '../../../components/participation';
import { requireOnboardedStreamer } from '../../../components/streamer-profile';
import { portal } from '../../../portal';
import { reportAd } from '../actions';

export const dynamic = 'force-dynamic';

export default async function MarketplaceCampaignPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await requireOnboardedStreamer();
  const api = await portal.sessionApi();
  const campaign = await api.campaign.publicView
    .query({ campaignId: id })
    .catch((error: unknown) => {
      const code =
        error instanceof TRPCClientError
          ? (error.data as { code?: string } | undefined)?.code
          : undefined;
      if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') notFound();
      throw error;
    });
  const size = [
    campaign.minFollowers ? `${formatCount(campaign.minFollowers)}+ followers` : null,
    campaign.minAverageViewers
      ? `${formatCount(campaign.minAverageViewers)}+ average viewers`
      : null,
  ].filter(Boolean);

  return (
    <portal.Shell>
      <p className="mb-2 text-sm">
        <a href="/marketplace" className="text-brand-700 hover:underline">
          ← Marketplace
        </a>
      </p>
      <PageHeader
        title={campaign.title}
        description={
          <span data-testid="campaign-brand">
            From {campaign.brandName ?? 'a brand'} · <EndsIn endsAt={campaign.endsAt} />
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <section aria-label="Pay" className="grid grid-cols-2 gap-4 sm:grid-cols-3">
            <StatCard
              label="You earn"
              value={formatMoney(campaign.pricing.rateCents)}
              hint={rateUnit(campaign.pricing.model)}
            />
            <StatCard
              label="Budget left"
              value={formatMoney(campaign.remainingBudgetCents)}
              testId="campaign-budget-left"
            />
            <StatCard
              label="Streamers delivering"
              value={formatCount(campaign.activeParticipantCount)}
              hint={
                campaign.maxParticipants
                  ? `Up to ${formatCount(campaign.maxParticipants)}, paused streamers included`
                  : undefined
              }
            />
          </section>
          <Card className="space-y-5">
            <div>
              <h2 className="font-semibold text-slate-900">What to promote</h2>
              <p className="mt-1 text-sm whitespace-pre-line text-slate-600">
                {campaign.description}
              </p>
            </div>
            <DetailList
              items={[
                {
                  label: 'Runs',
                  value: (
                    <>
                      <LocalTime date={campaign.startsAt} /> – <LocalTime date={campaign.endsAt} />
                    </>
                  ),
                },
                { label: 'Categories', value: listLabel(campaign.categories, categoryLabel, '—') },
                {
                  label: 'Languages',
                  value: listLabel(campaign.languages, languageLabel, 'Any language'),
                },
                { label: 'Regions', value: listLabel(campaign.regions, countryLabel, 'Worldwide') },
                { label: 'Audience size', value: size.length ? size.join(', ') : 'Any size' },
                {
                  label: 'Per-streamer cap',
                  value:
                    campaign.perStreamerCapCents === null
                      ? 'No cap'
                      : formatMoney(campaign.perStreamerCapCents),
                },
                {
                  label: 'On your stream',
                  value: `${campaign.frequency.adDurationSeconds}s per show, at least ${campaign.frequency.minMinutesBetweenShows} min apart, at most ${campaign.frequency.maxShowsPerHour} an hour`,
                },
                {
                  label: 'G-Key cool-off',
                  value: `${campaign.gkeyCooloffHours} hours after you leave`,
                },
                {
                  label: 'Joining',
                  value:
                    campaign.joinMode === 'open' ? 'Instant' : 'The brand approves applications',
                },
              ]}
            />
          </Card>
        </div>
        <aside className="space-y-4">
          <JoinCampaignPanel campaignId={campaign.id} />
          <div className="space-y-2">
            <h2 className="text-sm font-semibold text-slate-700">On your overlay</h2>
            <AdCardPreview
              creative={campaign.creative}
              brandName={campaign.brandName ?? 'Sponsor'}
              title={campaign.title}
              clickThroughUrl={campaign.clickThroughUrl}
              adDurationSeconds={campaign.frequency.adDurationSeconds}
            />
            <ReportAd campaignId={campaign.id} report={reportAd} />
          </div>
        </aside>
      </div>
    </portal.Shell>
  );
}
