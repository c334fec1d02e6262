import { Alert } from '@gametriggers/ui';
import { MoneyPage } from '../../components/money/money-page';
import { namesForPage } from '../../components/names/page-names';
import type { SearchParams } from '../../components/money/search-params';
import { WalletFilters } from '../../components/money/wallet-filters';
import { walletListInput, walletQueryOf } from '../../components/money/wallet-query';
import { WalletsTable } from '../../components/money/wallets-table';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

/** `/money`: brand wallets or streamer earnings, sorted, filtered and paged by the payment service. */
export default async function WalletsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await portal.requirePermission('canViewFinancials');
  const query = walletQueryOf(await searchParams);
  const page = await portal.act((api) => api.payment.admin.wallets.list.query(walletListInput(query)));
  const owners = page.ok ? page.data.items.map((account) => account.ownerId) : [];
  const names = await namesForPage(await portal.sessionApi(), query.holder === 'brand' ? { brandIds: owners } : { streamerIds: owners });
  return (
    <MoneyPage current="wallets">
      <WalletFilters query={query} />
      {page.ok ? (
        <WalletsTable page={page.data} query={query} names={names} />
      ) : (
        <Alert title="The accounts could not be loaded">{page.error.message}</Alert>
      )}
    </MoneyPage>
  );
}
