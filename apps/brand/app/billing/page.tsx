import { formatCents } from '@gametriggers/contracts';
import { Alert, PageHeader } from '@gametriggers/ui';
import { campaignTitles } from '../../components/billing/campaign-titles';
import { TopUpForm } from '../../components/billing/top-up-form';
import { prefilledTopUpCents } from '../../components/billing/top-up-link';
import type { TopUpOutcome } from '../../components/billing/top-up-outcome';
import { topUpOutcomeOf } from '../../components/billing/top-up-outcome';
import { chosenTransactions } from '../../components/billing/transaction-filters';
import { TransactionsSection } from '../../components/billing/transactions-section';
import { WalletOverview } from '../../components/billing/wallet-overview';
import { portal } from '../../portal';
import { startTopUp } from './actions';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

function TopUpOutcomeNote({ outcome }: { outcome: TopUpOutcome }) {
  switch (outcome.kind) {
    case 'credited':
      return (
        <Alert tone="success" title="Top-up received">
          {formatCents(outcome.amountCents)} is in your wallet. Thank you!
        </Alert>
      );
    case 'confirming':
      return (
        <Alert tone="info" title="Payment being confirmed">
          Your card payment went through; the money appears in your wallet as soon as it is
          confirmed, usually within seconds.{' '}
          <a href="/billing?topUp=paid" className="font-semibold underline">
            Refresh
          </a>
        </Alert>
      );
    case 'cancelled':
      return (
        <Alert tone="info" title="Top-up cancelled">
          You left the payment page before paying; nothing was charged.
        </Alert>
      );
  }
}

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const chosen = chosenTransactions(params);
  const api = await portal.sessionApi();
  const [wallet, page, latestDeposit, titleOf] = await Promise.all([
    api.payment.wallet.summary.query(),
    portal
      .act((calls) => calls.payment.wallet.transactions.query({ ...chosen.query, limit: PAGE_SIZE }))
      .then((result) => (result.ok ? result.data : { error: result.error.message })),
    params.topUp
      ? api.payment.wallet.transactions
          .query({ kinds: ['deposit'], limit: 1 })
          .then((deposits) => deposits.items[0] ?? null)
      : null,
    campaignTitles(),
  ]);
  const outcome = topUpOutcomeOf(params.topUp, latestDeposit, new Date());

  return (
    <portal.Shell>
      <PageHeader
        title="Billing"
        description="Your prepaid wallet: top up, see where the money went, and download invoices."
      />
      <div className="space-y-8">
        {outcome ? (
          <div data-testid="top-up-outcome" data-outcome={outcome.kind}>
            <TopUpOutcomeNote outcome={outcome} />
          </div>
        ) : null}
        <WalletOverview wallet={wallet} campaignTitle={titleOf} />
        <div id="top-up" className="grid scroll-mt-6 gap-6 lg:grid-cols-2">
          <TopUpForm start={startTopUp} shortByCents={prefilledTopUpCents(params.amount)} />
        </div>
        <TransactionsSection page={page} chosen={chosen} campaignTitle={titleOf} currency={wallet.currency} />
      </div>
    </portal.Shell>
  );
}
