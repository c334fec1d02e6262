import { formatCents, walletTransactionKinds } from '@gametriggers/contracts';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  CheckboxGroup,
  EmptyState,
  Field,
  LoadMore,
  Table,
  cn,
} from '@gametriggers/ui';
import { LocalTime } from '../campaigns/local-time';
import type { ChosenTransactions } from './transaction-filters';
import { hasFilters, transactionKindLabel, transactionsSearch } from './transaction-filters';
import type { WalletTransactionsPage } from './types';

const kindOptions = walletTransactionKinds.map((kind) => ({ value: kind.id, label: kind.label }));

function FilterForm({ chosen }: { chosen: ChosenTransactions }) {
  const { filters } = chosen;
  return (
    <form
      method="get"
      action="/billing#transactions"
      className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      data-testid="transactions-filter"
    >
      <CheckboxGroup name="kind" legend="Type" options={kindOptions} defaultValue={filters.kinds} />
      <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Field id="transactions-from" name="from" type="date" label="From" defaultValue={filters.from ?? ''} />
        <Field id="transactions-to" name="to" type="date" label="To (inclusive)" defaultValue={filters.to ?? ''} />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          {hasFilters(filters) ? (
            <ButtonLink href="/billing#transactions" variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </div>
      <p className="text-xs text-slate-500">Days are UTC days.</p>
    </form>
  );
}

/** The wallet's movements, newest first: filter by type and days, page on, download as CSV. */
export function TransactionsSection({
  page,
  chosen,
  campaignTitle,
  currency,
}: {
  page: WalletTransactionsPage | { error: string };
  chosen: ChosenTransactions;
  campaignTitle: (campaignId: string) => string;
  currency: string;
}) {
  const filtered = hasFilters(chosen.filters);
  const search = transactionsSearch(chosen.filters);
  return (
    <section id="transactions" aria-labelledby="transactions-heading" className="space-y-4 scroll-mt-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="transactions-heading" className="text-lg font-semibold text-slate-900">
            Transactions
          </h2>
          <p className="text-sm text-slate-600">Every movement of your wallet, newest first.</p>
        </div>
        <ButtonLink href={`/billing/transactions.csv${search}`} variant="secondary">
          Download CSV
        </ButtonLink>
      </div>
      <FilterForm chosen={chosen} />
      {chosen.problem ? <Alert tone="warning">{chosen.problem}</Alert> : null}
      {'error' in page ? (
        <Alert title="Your transactions could not be loaded">{page.error}</Alert>
      ) : page.items.length === 0 ? (
        <div data-testid="transactions-empty">
          {filtered || chosen.cursor ? (
            <EmptyState
              title="No transactions match"
              action={
                <ButtonLink href="/billing#transactions" variant="secondary">
                  Show all transactions
                </ButtonLink>
              }
            >
              Try other types or a wider range of days.
            </EmptyState>
          ) : (
            <EmptyState
              title="No deposits yet"
              action={<ButtonLink href="#top-up">Top up your wallet</ButtonLink>}
            >
              Top up to fund campaigns. Each top-up, budget reservation and refund appears here.
            </EmptyState>
          )}
        </div>
      ) : (
        <>
          <Table
            caption="Wallet transactions"
            rows={page.items}
            rowKey={(row) => row.id}
            rowTestId="transaction-row"
            phoneLayout="cards"
            columns={[
              {
                header: 'Type',
                cell: (row) => (
                  <span className="flex flex-col gap-0.5">
                    <span className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {transactionKindLabel(row.kind)}
                      {row.pending ? <Badge tone="warning">In progress</Badge> : null}
                    </span>
                    {row.campaignId ? (
                      <a href={`/campaigns/${row.campaignId}`} className="text-xs text-brand-700 hover:underline">
                        {campaignTitle(row.campaignId)}
                      </a>
                    ) : null}
                  </span>
                ),
              },
              {
                header: 'Date',
                cell: (row) => <LocalTime date={row.createdAt} />,
              },
              {
                header: 'Amount',
                cell: (row) => (
                  <span
                    data-testid="transaction-amount"
                    className={cn('font-medium tabular-nums', row.direction === 'in' ? 'text-emerald-700' : 'text-slate-900')}
                  >
                    {row.direction === 'in' ? '+' : '−'}
                    {formatCents(row.amountCents, currency)}
                  </span>
                ),
                className: 'sm:text-right',
              },
              {
                header: 'Balance after',
                cell: (row) => <span className="tabular-nums">{formatCents(row.balanceAfterCents, currency)}</span>,
                className: 'sm:text-right',
              },
            ]}
          />
          <LoadMore
            label="Older transactions"
            href={page.nextCursor ? `/billing${transactionsSearch(chosen.filters, page.nextCursor)}#transactions` : null}
          />
          {chosen.cursor ? (
            <p className="text-center text-sm">
              <a href={`/billing${search}#transactions`} className="text-brand-700 underline">
                Back to the newest
              </a>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
