import { Alert, ButtonLink, Card, EmptyState, PageHeader, StatementDownload } from '@gametriggers/ui';
import { EarningsByCampaignTable } from '../../components/earnings/earnings-by-campaign';
import { EarningsChart } from '../../components/earnings/earnings-chart';
import { EarningsFigures } from '../../components/earnings/earnings-figures';
import { chosenEarningsPeriod } from '../../components/earnings/earnings-periods';
import { PayoutAccountPanel } from '../../components/earnings/payout-account-panel';
import { onboardingReturnNote, payoutAccountStateOf } from '../../components/earnings/payout-account-state';
import { PendingLots } from '../../components/earnings/pending-lots';
import { WithdrawForm } from '../../components/earnings/withdraw-form';
import { WithdrawalHistory } from '../../components/earnings/withdrawal-history';
import { portal } from '../../portal';
import { requestWithdrawal, startPayoutOnboarding } from './actions';

export const dynamic = 'force-dynamic';

const PARTICIPATIONS_FOR_NAMES = 100;
const WITHDRAWALS_SHOWN = 20;

export default async function EarningsPage({
  searchParams,
}: {
  searchParams: Promise<{ period?: string | string[]; onboarding?: string | string[] }>;
}) {
  const params = await searchParams;
  const now = new Date();
  const chosen = chosenEarningsPeriod(params.period, now);
  const api = await portal.sessionApi();
  const [summary, days, byCampaign, participations, account, limits, withdrawals] = await Promise.all([
    api.payment.earnings.summary.query(),
    api.payment.earnings.overTime.query({ from: chosen.from, to: chosen.to }),
    api.payment.earnings.byCampaign.query(),
    // Names are a nicety: without them each campaign shows a short id.
    api.participation.listMine.query({ limit: PARTICIPATIONS_FOR_NAMES }).catch(() => null),
    api.payment.payouts.account.query(),
    api.payment.withdrawals.limits.query(),
    api.payment.withdrawals.list.query({ limit: WITHDRAWALS_SHOWN }),
  ]);
  const titles = new Map((participations?.items ?? []).map((entry) => [entry.campaignId, entry.campaignTitle]));
  const campaignTitle = (campaignId: string) => titles.get(campaignId) ?? `Campaign ${campaignId.slice(0, 8)}`;
  const accountState = payoutAccountStateOf(account);
  const returnNote = onboardingReturnNote(params.onboarding, accountState);

  return (
    <portal.Shell>
      <PageHeader
        title="Earnings"
        description="What your overlay has earned, when it becomes yours to withdraw, and your payouts."
      />
      <div className="space-y-8">
        {returnNote ? (
          <div data-testid="onboarding-note">
            <Alert tone={accountState === 'ready' ? 'success' : 'info'}>{returnNote}</Alert>
          </div>
        ) : null}
        <EarningsFigures summary={summary} />
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card className="space-y-4">
            <h2 id="withdraw-heading" className="text-lg font-semibold text-slate-900">
              Withdraw
            </h2>
            <WithdrawForm
              availableCents={summary.availableCents}
              payoutsEnabled={account.payoutsEnabled}
              limits={{
                minCents: limits.minCents,
                leftTodayCents: limits.leftTodayCents,
                leftThisMonthCents: limits.leftThisMonthCents,
                approvalAboveCents: limits.approvalCents,
              }}
              withdraw={requestWithdrawal}
            />
          </Card>
          <PayoutAccountPanel state={accountState} startOnboarding={startPayoutOnboarding} />
        </div>
        {byCampaign.length === 0 ? (
          <div data-testid="earnings-empty">
            <EmptyState title="No earnings yet" action={<ButtonLink href="/marketplace">Find campaigns</ButtonLink>}>
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
        <WithdrawalHistory withdrawals={withdrawals} />
        <Card className="max-w-2xl space-y-3">
          <h2 className="text-lg font-semibold text-slate-900">Monthly statement</h2>
          <p className="text-sm text-slate-600">
            Everything you earned, what became available and what you withdrew in a month.
          </p>
          <StatementDownload action="/earnings/statements" now={now} />
        </Card>
      </div>
    </portal.Shell>
  );
}
