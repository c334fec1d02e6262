import type { ReactNode } from 'react';
import { cn } from './cn';
import { focusRing } from './controls';

/** Link tabs: each tab is a URL (status filters and the like), so the server renders the choice. */
export function Tabs({
  tabs,
  current,
  label,
}: {
  tabs: ReadonlyArray<{ href: string; label: string; count?: number; value: string }>;
  current: string;
  label: string;
}) {
  return (
    <nav aria-label={label} className="mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="-mb-px flex gap-6 whitespace-nowrap">
        {tabs.map((tab) => {
          const active = tab.value === current;
          return (
            <li key={tab.value}>
              <a
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center gap-2 border-b-2 px-1 pb-3 text-sm font-medium',
                  focusRing,
                  active
                    ? 'border-brand-600 text-brand-700'
                    : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700',
                )}
              >
                {tab.label}
                {tab.count !== undefined ? (
                  <span
                    className={cn(
                      'rounded-full px-2 py-0.5 text-xs',
                      active ? 'bg-brand-50 text-brand-700' : 'bg-slate-100 text-slate-600',
                    )}
                  >
                    {tab.count}
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
  /** The server-side sort key this column's header sorts by (with `Table`'s `sort`). */
  sortKey?: string;
}

export type SortDirection = 'asc' | 'desc';

/** The table's current server-side order, and the address of each other order. */
export interface TableSort {
  key: string;
  direction: SortDirection;
  href: (key: string, direction: SortDirection) => string;
}

function SortHeader({ header, sortKey, sort }: { header: string; sortKey: string; sort: TableSort }) {
  const current = sort.key === sortKey ? sort.direction : null;
  const next: SortDirection = current === 'asc' ? 'desc' : 'asc';
  return (
    <a
      href={sort.href(sortKey, next)}
      data-testid={`sort-${sortKey}`}
      className={cn('inline-flex items-center gap-1 rounded hover:text-slate-900', focusRing)}
    >
      {header}
      <span aria-hidden className={current ? 'text-brand-600' : 'text-slate-300'}>
        {current === 'desc' ? '↓' : '↑'}
      </span>
      <span className="sr-only">
        {current ? `, sorted ${current === 'asc' ? 'ascending' : 'descending'}` : ', sortable'}
      </span>
    </a>
  );
}

/**
 * A responsive table. On phones it either scrolls sideways rather than squashing its columns
 * (`phoneLayout="scroll"`, the default), or shows each row as a card (`"cards"`): the first column
 * as the card's heading and the others as labelled figures two to a line, so a few key numbers per
 * row stay readable without scrolling.
 */
export function Table<T>({
  columns,
  rows,
  rowKey,
  rowTestId,
  caption,
  phoneLayout = 'scroll',
  sort,
}: {
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowTestId?: string;
  caption?: string;
  phoneLayout?: 'scroll' | 'cards';
  /** Columns with a `sortKey` become links to the server-sorted table. */
  sort?: TableSort;
}) {
  const cards = phoneLayout === 'cards';
  return (
    <div className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className={cn('min-w-full divide-y divide-slate-200 text-sm', cards && 'max-sm:block')}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className={cn('bg-slate-50', cards && 'max-sm:hidden')}>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                aria-sort={
                  sort && column.sortKey === sort.key
                    ? sort.direction === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
                className={cn('px-4 py-3 text-left font-semibold text-slate-700', column.className)}
              >
                {sort && column.sortKey ? (
                  <SortHeader header={column.header} sortKey={column.sortKey} sort={sort} />
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={cn('divide-y divide-slate-100', cards && 'max-sm:block')}>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              data-testid={rowTestId}
              className={cn(
                'hover:bg-slate-50/60',
                cards && 'max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-4 max-sm:gap-y-3 max-sm:p-4',
              )}
            >
              {columns.map((column, index) => (
                <td
                  key={column.header}
                  className={cn(
                    'px-4 py-3 align-top text-slate-700',
                    column.className,
                    cards && 'max-sm:block max-sm:p-0 max-sm:text-left',
                    cards && (index === 0 ? 'max-sm:col-span-full' : 'max-sm:font-medium max-sm:text-slate-900'),
                  )}
                >
                  {cards && index > 0 ? (
                    // The header row is hidden on phones, so each figure carries its own label.
                    <span className="block text-xs font-normal text-slate-500 sm:hidden">{column.header}</span>
                  ) : null}
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Keyset pagination: a link to the next page when there is one. */
export function LoadMore({ href, label = 'Load more' }: { href: string | null; label?: string }) {
  if (!href) return null;
  return (
    <div className="mt-6 flex justify-center">
      <a
        href={href}
        data-testid="load-more"
        className={cn(
          'rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50',
          focusRing,
        )}
      >
        {label}
      </a>
    </div>
  );
}

export function StatCard({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-bold tracking-tight text-slate-900" data-testid={testId}>
        {value}
      </p>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

/** Where a person is in a multi-step form. */
export function Stepper({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol className="mb-8 flex flex-wrap items-center gap-x-2 gap-y-3 text-sm" aria-label="Progress">
      {steps.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'upcoming';
        return (
          <li key={step} className="flex items-center gap-2" aria-current={state === 'current' ? 'step' : undefined}>
            <span
              className={cn(
                'grid size-7 place-items-center rounded-full text-xs font-semibold',
                state === 'done' && 'bg-brand-600 text-white',
                state === 'current' && 'bg-brand-50 text-brand-700 ring-2 ring-brand-600',
                state === 'upcoming' && 'bg-slate-100 text-slate-500',
              )}
            >
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className={cn(state === 'upcoming' ? 'text-slate-500' : 'font-medium text-slate-900')}>{step}</span>
            {index < steps.length - 1 ? <span aria-hidden className="mx-1 hidden h-px w-6 bg-slate-300 sm:block" /> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Label/value pairs, e.g. a campaign's key facts. */
export function DetailList({ items }: { items: ReadonlyArray<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label}>
          <dt className="text-slate-500">{item.label}</dt>
          <dd className="mt-0.5 font-medium text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
