import { Button, Field, Select } from '@gametriggers/ui';
import type { ReportQuery } from './report-query';

/** The report's first and last day and its bucket, as a GET form (the server reads the address). */
export function ReportRangeForm({ query }: { query: ReportQuery }) {
  return (
    <form
      method="get"
      action="/money/reports"
      className="grid gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
      data-testid="report-range"
    >
      <Field id="report-from" name="from" type="date" label="From" defaultValue={query.from} required />
      <Field id="report-to" name="to" type="date" label="To (inclusive)" defaultValue={query.to} required />
      <Select
        id="report-granularity"
        name="granularity"
        label="By"
        defaultValue={query.granularity}
        options={[
          { value: 'day', label: 'Day' },
          { value: 'month', label: 'Month' },
        ]}
      />
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}
