import { Button, ButtonLink, Field, cn, focusRing } from '@gametriggers/ui';
import type { WalletQuery } from './wallet-query';
import { walletsHref } from './wallet-query';

const holders = [
  { value: 'brand', label: 'Brand wallets' },
  { value: 'streamer', label: 'Streamer earnings' },
] as const;

/** Whose accounts, an id search and "frozen only", as a GET form (the server filters). */
export function WalletFilters({ query }: { query: WalletQuery }) {
  return (
    <div className="space-y-4">
      <nav aria-label="Accounts" className="flex w-fit gap-1 rounded-lg bg-slate-100 p-1">
        {holders.map((holder) => (
          <a
            key={holder.value}
            href={walletsHref(query, { holder: holder.value, search: '' })}
            aria-current={query.holder === holder.value ? 'true' : undefined}
            data-testid={`holder-${holder.value}`}
            className={cn(
              'rounded-md px-3 py-1.5 text-sm font-medium',
              focusRing,
              query.holder === holder.value ? 'bg-white text-brand-700 shadow-sm' : 'text-slate-600 hover:text-slate-900',
            )}
          >
            {holder.label}
          </a>
        ))}
      </nav>
      <form
        method="get"
        action="/money"
        className="grid gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[1fr_auto_auto] sm:items-end"
        data-testid="wallets-filter"
      >
        {query.holder !== 'brand' ? <input type="hidden" name="holder" value={query.holder} /> : null}
        {query.sort !== 'available' ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.direction !== 'desc' ? <input type="hidden" name="dir" value={query.direction} /> : null}
        <Field
          id="wallets-search"
          name="q"
          label={query.holder === 'brand' ? 'Brand id' : 'Streamer id'}
          placeholder="The whole id or its start"
          defaultValue={query.search}
          autoComplete="off"
        />
        <label className="flex items-center gap-2 text-sm text-slate-700 sm:pb-2">
          <input type="checkbox" name="frozen" value="1" defaultChecked={query.frozenOnly} className="size-4 rounded border-slate-300" />
          Frozen only
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          {query.search || query.frozenOnly ? (
            <ButtonLink href={walletsHref(query, { search: '', frozenOnly: false })} variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </form>
    </div>
  );
}
