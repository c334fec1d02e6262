import { walletTransactionKindSchema, walletTransactionKinds } from '@gametriggers/contracts';
import type { WalletTransactionKind, WalletTransactionsInput } from '@gametriggers/contracts';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** What the transactions filter form holds, as the address carries it (`?kind=deposit&from=2026-11-01`). */
export interface TransactionFilters {
  kinds: WalletTransactionKind[];
  /** First UTC day shown, `YYYY-MM-DD`. */
  from: string | null;
  /** Last UTC day shown (inclusive), `YYYY-MM-DD`. */
  to: string | null;
}

export interface ChosenTransactions {
  filters: TransactionFilters;
  cursor: string | undefined;
  /** What `payment.wallet.transactions` is asked (without the page size). */
  query: Omit<WalletTransactionsInput, 'limit'>;
  /** A filter the brand typed that could not be used, said so instead of silently ignored. */
  problem: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

const listOf = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The start of a `YYYY-MM-DD` UTC day, or null when it is not a real day. */
function dayStart(day: string): Date | null {
  if (!DAY_PATTERN.test(day)) return null;
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

/** The billing page's transaction filters from its address; unknown kinds and bad days are dropped. */
export function chosenTransactions(params: SearchParams): ChosenTransactions {
  const kinds = [
    ...new Set(
      listOf(params.kind).flatMap((kind) => {
        const parsed = walletTransactionKindSchema.safeParse(kind);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  ];
  const problems: string[] = [];
  const dayOf = (name: 'from' | 'to') => {
    const text = listOf(params[name])[0]?.trim() ?? '';
    if (!text) return { day: null, start: null };
    const start = dayStart(text);
    if (!start) problems.push(`“${text.slice(0, 20)}” is not a date`);
    return start ? { day: text, start } : { day: null, start: null };
  };
  let from = dayOf('from');
  let to = dayOf('to');
  if (from.start && to.start && from.start > to.start) {
    problems.push('The first day comes after the last one');
    from = { day: null, start: null };
    to = { day: null, start: null };
  }
  const cursor = listOf(params.cursor)[0]?.slice(0, 200) || undefined;
  return {
    filters: { kinds, from: from.day, to: to.day },
    cursor,
    query: {
      ...(kinds.length > 0 ? { kinds } : {}),
      ...(from.start ? { from: from.start } : {}),
      // The last day is included: the range ends where the next day starts.
      ...(to.start ? { to: new Date(to.start.getTime() + DAY_MS) } : {}),
      ...(cursor ? { cursor } : {}),
    },
    problem: problems.length > 0 ? `${problems.join('; ')}: that filter was left out.` : null,
  };
}

/** The query string for a set of filters (and a page of them). */
export function transactionsSearch(filters: TransactionFilters, cursor?: string): string {
  const query = new URLSearchParams();
  for (const kind of filters.kinds) query.append('kind', kind);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return search ? `?${search}` : '';
}

export const hasFilters = (filters: TransactionFilters) =>
  filters.kinds.length > 0 || filters.from !== null || filters.to !== null;

const kindLabels = new Map<string, string>(walletTransactionKinds.map((kind) => [kind.id, kind.label]));

export const transactionKindLabel = (kind: WalletTransactionKind) => kindLabels.get(kind) ?? kind;
