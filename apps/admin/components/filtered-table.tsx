import type { Column } from '@gametriggers/ui';
import { Alert, Button, ButtonLink, EmptyState, LoadMore, Table } from '@gametriggers/ui';
import type { ReactNode } from 'react';

/**
 * An admin list filtered on the server: a GET form of `filters` (with Apply and Clear), a warning
 * for filters that could not be used, the page as a table (or `empty` when nothing matches) and the
 * link to the next page.
 */
export function FilteredTable<Row>({
  label,
  action,
  hidden = {},
  filters,
  filtersTestId,
  clearHref,
  problem,
  empty,
  caption,
  rows,
  rowKey,
  rowTestId,
  columns,
  nextHref,
}: {
  label: string;
  /** Where the form sends the filters, with `hidden` fields (e.g. the page's view). */
  action: string;
  hidden?: Record<string, string>;
  filters: ReactNode;
  filtersTestId: string;
  clearHref: string;
  problem: string | null;
  empty: { title: string; text: string };
  caption: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowTestId: string;
  columns: ReadonlyArray<Column<Row>>;
  nextHref: string | null;
}) {
  return (
    <section aria-label={label} className="space-y-4">
      <form
        method="get"
        action={action}
        data-testid={filtersTestId}
        className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{filters}</div>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          <ButtonLink href={clearHref} variant="ghost">
            Clear
          </ButtonLink>
        </div>
      </form>
      {problem ? <Alert tone="warning">{problem}</Alert> : null}
      {rows.length === 0 ? (
        <EmptyState title={empty.title}>{empty.text}</EmptyState>
      ) : (
        <Table<Row>
          caption={caption}
          rowTestId={rowTestId}
          rowKey={rowKey}
          phoneLayout="cards"
          rows={rows}
          columns={columns}
        />
      )}
      <LoadMore href={nextHref} />
    </section>
  );
}
