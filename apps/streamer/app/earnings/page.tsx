import { ButtonLink, EmptyState, PageHeader } from '@gametriggers/ui';
import { EarningsByCampaignTable } from '../../components/earnings/earnings-by-campaign';
import { EarningsChart } from '../../components/earnings/earnings-chart';
import { EarningsFigures } from '../../components/earnings/earnings-figures';
import { chosenEarningsPeriod } from '../../components/earnings/earnings-periods';
import { PendingLots } from '../../components/earnings/pending-lots';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

const PARTICIPATIONS_FOR_NAMES = 100;

export default async function EarningsPage({
  searchParams,
}: {
  searchParams: Promise<{ period?: string | string[] }>;
}) {
  const chosen = chosenEarningsPeriod((await searchParams).period, new Date());
  const api = await portal.sessionApi();
  const [summary, days, byCampaign, participations] = await Promise.all([
    api.payment.earnings.summary.query(),
    api.payment.earnings.overTime.query({ from: chosen.from, to: chosen.to }),
    api.payment.earnings.byCampaign.query(),
    // Names are a nicety: without them each campaign shows a short id.
    api.participation.listMine.query({ limit: PARTICIPATIONS_FOR_NAMES }).catch(() => null),
  ]);
  const titles = new Map((participations?.items ?? []).map((entry) => [entry.campaignId, entry.campaignTitle]));
  const campaignTitle = (campaignId: string) => titles.get(campaignId) ?? `Campaign ${campaignId.slice(0, 8)}`;
  const earnedNothing = byCampaign.length === 0;

  return (
    <portal.Shell>
      <PageHeader
        title="Earnings"
        description="What your overlay has earned, when it becomes yours to withdraw, and your payouts."
      />
      <div className="space-y-8">
        <EarningsFigures summary={summary} />
        {earnedNothing ? (
          <div data-testid="earnings-empty">
            <EmptyState
              title="No earnings yet"
              action={<ButtonLink href="/marketplace">Find campaigns</ButtonLink>}
            >
              Join a campaign and go live with your overlay: every counted hour of impressions and
              clicks adds to your earnings here, after the platform fee.
            </EmptyState>
          </div>
        ) : (
          <>
            <EarningsChart chosen={chosen} days={days} />
            <PendingLots summary={summary} campaignTitle={campaignTitle} />
            <EarningsByCampaignTable rows={byCampaign} campaignTitle={campaignTitle} />
          </>
        )}
      </div>
    </portal.Shell>
  );
}
