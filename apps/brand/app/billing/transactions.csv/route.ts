import { chosenTransactions } from '../../../components/billing/transaction-filters';
import { transactionsCsv } from '../../../components/billing/transactions-csv';
import type { WalletTransaction } from '../../../components/billing/types';
import { campaignTitles } from '../../../components/billing/campaign-titles';
import { portal } from '../../../portal';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 100;
/** A download holds at most this many rows; narrow the days for more. */
const MAX_ROWS = 10_000;

/** The filtered wallet transactions (every page, not only the one on screen) as a CSV download. */
export async function GET(request: Request) {
  const chosen = chosenTransactions(Object.fromEntries(groupedParams(new URL(request.url).searchParams)));
  const api = await portal.sessionApi();
  const rows: WalletTransaction[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.payment.wallet.transactions.query({ ...chosen.query, cursor, limit: PAGE_SIZE });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_ROWS);
  const csv = transactionsCsv(rows.slice(0, MAX_ROWS), await campaignTitles());
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="wallet-transactions-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}

/** `?kind=a&kind=b` → `{ kind: ['a', 'b'] }`, as a page's `searchParams` would hold it. */
function groupedParams(search: URLSearchParams): Array<[string, string | string[]]> {
  return [...new Set(search.keys())].map((key) => {
    const values = search.getAll(key);
    return [key, values.length === 1 ? values[0]! : values];
  });
}
