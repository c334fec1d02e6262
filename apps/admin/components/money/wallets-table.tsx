import type { MoneyAccountSort } from '@gametriggers/contracts';
import { Badge, ButtonLink, EmptyState, LocalTime, Table } from '@gametriggers/ui';
import type { PageNames } from '../names/page-names';
import { NamedId } from '../names/named-id';
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

export const accountHref = (account: Pick<MoneyAccount, 'holder' | 'ownerId'>) =>
  `/money/wallets/${account.holder}/${account.ownerId}`;

/** Brand wallets or streamer earnings, one page, with server-sorted figures and page links. */
/** The brand's company, or the streamer's display name and channel, of a wallet. */
export function AccountOwner({
  account,
  names,
  showId = false,
  testId,
}: {
  account: Pick<MoneyAccount, 'holder' | 'ownerId'>;
  names: PageNames;
  showId?: boolean;
  testId?: string;
}) {
  const streamer = account.holder === 'streamer' ? names.streamer(account.ownerId) : undefined;
  return (
    <NamedId
      id={account.ownerId}
      name={account.holder === 'brand' ? names.brand(account.ownerId) : streamer?.displayName}
      detail={streamer?.channelUrl ?? undefined}
      showId={showId}
      testId={testId}
    />
  );
}

export function WalletsTable({
  page,
  query,
  names,
}: {
  page: MoneyAccountsPage;
  query: WalletQuery;
  names: PageNames;
}) {
  if (page.items.length === 0) {
    const filtered = Boolean(query.search) || query.frozenOnly;
    return (
      <div data-testid="wallets-empty">
        <EmptyState title={filtered ? 'No account matches' : 'No money yet'}>
          {filtered
            ? 'Try another id or show every account.'
            : query.holder === 'brand'
              ? 'Brand wallets appear here once a brand tops up.'
              : 'Streamer earnings appear here once a streamer earns.'}
        </EmptyState>
      </div>
    );
  }
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const figure = (sortKey: Exclude<MoneyAccountSort, 'lastActivity'>, testId?: string) => ({
    header: columnTitles[sortKey][query.holder],
    sortKey,
    cell: (row: MoneyAccount) => <Amount cents={row[`${sortKey}Cents`]} testId={testId} />,
    className: 'sm:text-right',
  });
  return (
    <div className="space-y-3">
      <Table
        caption={query.holder === 'brand' ? 'Brand wallets' : 'Streamer earnings'}
        rows={page.items}
        rowKey={(row) => row.ownerId}
        rowTestId="wallet-row"
        phoneLayout="cards"
        sort={{
          key: query.sort,
          direction: query.direction,
          href: (key, direction) => walletsHref(query, { sort: key as MoneyAccountSort, direction }),
        }}
        columns={[
          {
            header: query.holder === 'brand' ? 'Brand' : 'Streamer',
            cell: (row) => (
              <span className="flex flex-wrap items-center gap-2">
                <a href={accountHref(row)} className="text-brand-700 hover:underline" data-testid="wallet-link">
                  <AccountOwner account={row} names={names} />
                </a>
                {row.frozen ? <Badge tone="danger">Frozen</Badge> : null}
              </span>
            ),
          },
          figure('available', 'wallet-available'),
          figure('reserved'),
          figure('pending'),
          {
            header: columnTitles.lastActivity[query.holder],
            sortKey: 'lastActivity',
            cell: (row) => (row.lastActivityAt ? <LocalTime date={row.lastActivityAt} /> : '—'),
          },
        ]}
      />
      <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
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
