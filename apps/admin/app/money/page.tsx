import { Alert } from '@gametriggers/ui';
import { MoneyPage } from '../../components/money/money-page';
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
  return (
    <MoneyPage current="wallets">
      <WalletFilters query={query} />
      {page.ok ? (
        <WalletsTable page={page.data} query={query} />
      ) : (
        <Alert title="The accounts could not be loaded">{page.error.message}</Alert>
      )}
    </MoneyPage>
  );
}
