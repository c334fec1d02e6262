import { formatCents } from '@gametriggers/contracts';
import { Alert, PageHeader } from '@gametriggers/ui';
import { campaignTitles } from '../../components/billing/campaign-titles';
import { BillingDocuments } from '../../components/billing/documents';
import { PaymentFailures } from '../../components/billing/payment-failures';
import { PaymentMethods } from '../../components/billing/payment-methods';
import { RefundsSection } from '../../components/billing/refunds-section';
import { TopUpForm } from '../../components/billing/top-up-form';
import { prefilledTopUpCents } from '../../components/billing/top-up-link';
import type { TopUpOutcome } from '../../components/billing/top-up-outcome';
import { topUpOutcomeOf } from '../../components/billing/top-up-outcome';
import { chosenTransactions } from '../../components/billing/transaction-filters';
import { TransactionsSection } from '../../components/billing/transactions-section';
import { WalletOverview } from '../../components/billing/wallet-overview';
import { portal } from '../../portal';
import { removeSavedCard, requestRefund, saveAutoTopUp, startTopUp } from './actions';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;
const INVOICES_SHOWN = 24;
const REFUNDS_SHOWN = 10;
/** Failures older than this are history, not news. */
const FAILURES_SHOWN_FOR_MS = 7 * 86_400_000;

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
  const now = new Date();
  const [wallet, page, latestDeposit, titleOf, paymentMethods, refunds, failures, invoices] = await Promise.all([
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
    // Saved cards are read from the payment provider: if it does not answer, the rest still shows.
    portal.act(async (calls) => {
      const [cards, autoTopUp] = await Promise.all([
        calls.payment.billing.savedCards.query(),
        calls.payment.billing.autoTopUp.query(),
      ]);
      return { cards, autoTopUp };
    }),
    api.payment.billing.refunds.query({ limit: REFUNDS_SHOWN }),
    api.payment.billing.paymentFailures.query({ limit: 5 }),
    portal
      .act((calls) => calls.payment.billing.invoices.query({ limit: INVOICES_SHOWN }))
      .then((result) => (result.ok ? result.data : { error: result.error.message })),
  ]);
  const outcome = topUpOutcomeOf(params.topUp, latestDeposit, now);
  const recentFailures = failures.filter((failure) => now.getTime() - failure.failedAt.getTime() <= FAILURES_SHOWN_FOR_MS);

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
        <PaymentFailures failures={recentFailures} />
        <WalletOverview wallet={wallet} campaignTitle={titleOf} />
        <div id="top-up" className="grid scroll-mt-6 gap-6 lg:grid-cols-2">
          <TopUpForm start={startTopUp} shortByCents={prefilledTopUpCents(params.amount)} />
          {paymentMethods.ok ? (
            <PaymentMethods
              cards={paymentMethods.data.cards}
              autoTopUp={paymentMethods.data.autoTopUp}
              saveAutoTopUp={saveAutoTopUp}
              removeCard={removeSavedCard}
            />
          ) : (
            <Alert tone="warning" title="Your saved cards could not be loaded">
              {paymentMethods.error.message} Top-ups still work; try again in a moment.
            </Alert>
          )}
        </div>
        <TransactionsSection page={page} chosen={chosen} campaignTitle={titleOf} currency={wallet.currency} />
        <BillingDocuments invoices={invoices} now={now} />
        <div className="max-w-2xl">
          <RefundsSection availableCents={wallet.availableCents} refunds={refunds} request={requestRefund} />
        </div>
      </div>
    </portal.Shell>
  );
}
