import type { MoneyAccountSort } from '@gametriggers/contracts';
import type { ReactNode } from 'react';
import { Badge, ButtonLink, EmptyState, LocalTime, Table, cn } from '@gametriggers/ui';
import { Amount } from './amounts';
import type { MoneyAccount, MoneyAccountsPage } from './types';
import type { WalletQuery } from './wallet-query';
import { walletsHref } from './wallet-query';

const columnTitles: Record<MoneyAccountSort, Record<WalletQuery['holder'], string>> = {
  available: { brand: 'Available', streamer: 'Available' },
  reserved: { brand: 'Reserved (campaigns)', streamer: 'Withdrawing' },
  pending: { brand: 'Refunds pending', streamer: 'Pending' },
  lastActivity: { brand: 'Last activity', streamer: 'Last activity' },
};

/** A column heading that sorts by it (again: the other way). */
function SortHeading({ query, sort }: { query: WalletQuery; sort: MoneyAccountSort }) {
  const active = query.sort === sort;
  const direction = active && query.direction === 'desc' ? 'asc' : 'desc';
  return (
    <a
      href={walletsHref(query, { sort, direction })}
      className={cn('inline-flex items-center gap-1 hover:text-brand-700', active && 'text-brand-700')}
      data-testid={`sort-${sort}`}
    >
      {columnTitles[sort][query.holder]}
      <span aria-hidden="true">{active ? (query.direction === 'asc' ? '↑' : '↓') : '↕'}</span>
      {active ? <span className="sr-only">(sorted {query.direction === 'asc' ? 'ascending' : 'descending'})</span> : null}
    </a>
  );
}

export const accountHref = (account: Pick<MoneyAccount, 'holder' | 'ownerId'>) =>
  `/money/wallets/${account.holder}/${account.ownerId}`;

/** Brand wallets or streamer earnings, one page, with sortable figures and page links. */
export function WalletsTable({ page, query }: { page: MoneyAccountsPage; query: WalletQuery }) {
  if (page.items.length === 0) {
    return (
      <div data-testid="wallets-empty">
        <EmptyState title={query.search || query.frozenOnly ? 'No account matches' : 'No money yet'}>
          {query.search || query.frozenOnly
            ? 'Try another id or show every account.'
            : query.holder === 'brand'
              ? 'Brand wallets appear here once a brand tops up.'
              : 'Streamer earnings appear here once a streamer earns.'}
        </EmptyState>
      </div>
    );
  }
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const sortable = (sort: MoneyAccountSort, cell: (row: MoneyAccount) => ReactNode) => ({
    header: columnTitles[sort][query.holder],
    heading: <SortHeading query={query} sort={sort} />,
    cell,
    className: sort === 'lastActivity' ? undefined : 'sm:text-right',
  });
  return (
    <div className="space-y-3">
      <Table
        caption={query.holder === 'brand' ? 'Brand wallets' : 'Streamer earnings'}
        rows={page.items}
        rowKey={(row) => row.ownerId}
        rowTestId="wallet-row"
        phoneLayout="cards"
        columns={[
          {
            header: query.holder === 'brand' ? 'Brand' : 'Streamer',
            cell: (row) => (
              <span className="flex flex-wrap items-center gap-2">
                <a href={accountHref(row)} className="font-mono text-xs text-brand-700 hover:underline" data-testid="wallet-link">
                  {row.ownerId}
                </a>
                {row.frozen ? <Badge tone="danger">Frozen</Badge> : null}
              </span>
            ),
          },
          sortable('available', (row) => <Amount cents={row.availableCents} testId="wallet-available" />),
          sortable('reserved', (row) => <Amount cents={row.reservedCents} />),
          sortable('pending', (row) => <Amount cents={row.pendingCents} />),
          sortable('lastActivity', (row) => (row.lastActivityAt ? <LocalTime date={row.lastActivityAt} /> : '—')),
        ]}
      />
      <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm text-slate-600">
        <span data-testid="wallets-total">
          {page.total.toLocaleString('en-US')} {page.total === 1 ? 'account' : 'accounts'} · page {page.page} of {pages}
        </span>
        <span className="flex gap-2">
          {page.page > 1 ? (
            <ButtonLink href={walletsHref(query, { page: page.page - 1 })} variant="secondary">
              Previous
            </ButtonLink>
          ) : null}
          {page.page < pages ? (
            <ButtonLink href={walletsHref(query, { page: page.page + 1 })} variant="secondary">
              Next
            </ButtonLink>
          ) : null}
        </span>
      </nav>
    </div>
  );
}
