import { formatCents } from '@gametriggers/contracts';
import { Alert, EmptyState, LocalTime, Table } from '@gametriggers/ui';
import { ConfirmButton } from '../../../components/money/confirm-button';
import { MoneyPage } from '../../../components/money/money-page';
import type { Reconciliation } from '../../../components/money/types';
import { portal } from '../../../portal';
import { runReconciliation } from '../actions';

export const dynamic = 'force-dynamic';

type Difference = Reconciliation['differences'][number];

const differenceLabels: Record<string, string> = {
  payment_missing_in_ledger: 'Payment at Stripe, missing in the ledger',
  payment_amount_differs: 'Payment amount differs',
  deposit_missing_at_stripe: 'Deposit in the ledger, missing at Stripe',
  transfer_missing_in_ledger: 'Transfer at Stripe, missing in the ledger',
  transfer_amount_differs: 'Transfer amount differs',
  balance_differs: 'Balance differs',
};

const centsOf = (value: string | number | undefined) => (typeof value === 'number' ? formatCents(value) : '—');

/** `/money/reconciliation`: the latest comparison of the ledger with Stripe, and a button to run one now. */
export default async function ReconciliationPage() {
  await portal.requirePermission('canViewFinancials');
  const result = await portal.act((api) => api.payment.admin.reconciliation.latest.query());
  const latest = result.ok ? result.data : null;
  return (
    <MoneyPage current="reconciliation">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <p className="max-w-2xl text-sm text-slate-600">
          Compares every payment, transfer and the balance at Stripe with the ledger. It also runs on a schedule.
        </p>
        <ConfirmButton label="Run now" question="Compare the ledger with Stripe now?" action={runReconciliation} testId="run-reconciliation" />
      </div>
      {!result.ok ? (
        <Alert title="The reconciliation could not be loaded">{result.error.message}</Alert>
      ) : !latest ? (
        <EmptyState title="Not run yet">Run it now, or wait for the scheduled run.</EmptyState>
      ) : (
        <section className="space-y-3" data-testid="reconciliation-latest">
          <p className="text-sm text-slate-700">
            Last run <LocalTime date={latest.ranAt} />: {latest.eventsChecked.toLocaleString('en-US')} items checked,{' '}
            <strong data-testid="reconciliation-differences">{latest.differences.length}</strong>{' '}
            {latest.differences.length === 1 ? 'difference' : 'differences'}.
          </p>
          {latest.differences.length === 0 ? (
            <Alert tone="success" title="The ledger agrees with Stripe">
              Every payment, transfer and the balance match.
            </Alert>
          ) : (
            <Table
              caption="Differences"
              rows={latest.differences}
              rowKey={(row) => JSON.stringify(row)}
              rowTestId="reconciliation-difference"
              phoneLayout="cards"
              columns={[
                { header: 'Difference', cell: (row: Difference) => differenceLabels[String(row.kind)] ?? String(row.kind) },
                {
                  header: 'Reference',
                  cell: (row: Difference) => (
                    <span className="font-mono text-xs break-all">{String(row.paymentIntentId ?? row.transferId ?? '—')}</span>
                  ),
                },
                { header: 'At Stripe', className: 'sm:text-right', cell: (row: Difference) => centsOf(row.stripeCents) },
                { header: 'In the ledger', className: 'sm:text-right', cell: (row: Difference) => centsOf(row.ledgerCents) },
              ]}
            />
          )}
        </section>
      )}
    </MoneyPage>
  );
}
