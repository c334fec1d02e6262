import type { ListMoneyAccountsInput, MoneyAccountSort, MoneyHolder } from '@gametriggers/contracts';
import { listMoneyAccountsInputSchema, moneyAccountSortSchema, moneyHolderSchema } from '@gametriggers/contracts';
import type { SearchParams } from './search-params';
import { paramOf } from './search-params';

/** The wallets table's state as the address carries it (`?holder=streamer&sort=pending&dir=asc&page=2`). */
export interface WalletQuery {
  holder: MoneyHolder;
  search: string;
  frozenOnly: boolean;
  sort: MoneyAccountSort;
  direction: 'asc' | 'desc';
  page: number;
}

export const WALLETS_PAGE_SIZE = 25;

/** The table's state from the address; what does not parse falls back to the default. */
export function walletQueryOf(params: SearchParams): WalletQuery {
  const holder = moneyHolderSchema.safeParse(paramOf(params, 'holder'));
  const sort = moneyAccountSortSchema.safeParse(paramOf(params, 'sort'));
  const page = Number.parseInt(paramOf(params, 'page'), 10);
  return {
    holder: holder.success ? holder.data : 'brand',
    search: paramOf(params, 'q').slice(0, 36),
    frozenOnly: paramOf(params, 'frozen') === '1',
    sort: sort.success ? sort.data : 'available',
    direction: paramOf(params, 'dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** What `payment.admin.wallets.list` is asked for this state. */
export function walletListInput(query: WalletQuery): ListMoneyAccountsInput {
  return listMoneyAccountsInputSchema.parse({
    holder: query.holder,
    search: query.search || undefined,
    frozenOnly: query.frozenOnly,
    sort: query.sort,
    direction: query.direction,
    page: query.page,
    pageSize: WALLETS_PAGE_SIZE,
  });
}

/** The address of the wallets table with `change` applied (a new filter or sort starts at page 1). */
export function walletsHref(query: WalletQuery, change: Partial<WalletQuery> = {}): string {
  const next = { ...query, page: 1, ...change };
  const search = new URLSearchParams();
  if (next.holder !== 'brand') search.set('holder', next.holder);
  if (next.search) search.set('q', next.search);
  if (next.frozenOnly) search.set('frozen', '1');
  if (next.sort !== 'available') search.set('sort', next.sort);
  if (next.direction !== 'desc') search.set('dir', next.direction);
  if (next.page > 1) search.set('page', String(next.page));
  const text = search.toString();
  return text ? `/money?${text}` : '/money';
}
