import { Button } from '../controls';
import { Select } from '../form-controls';
import { statementMonths } from './statement-months';

/**
 * A month and a format, sent (GET) to a portal route that answers with the statement file; a plain
 * form, so it works before any script runs.
 */
export function StatementDownload({ action, now }: { action: string; now: Date }) {
  return (
    <form method="get" action={action} className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-end" data-testid="statement-download">
      <Select id="statement-month" name="month" label="Month" options={statementMonths(now)} />
      <Select
        id="statement-format"
        name="format"
        label="Format"
        options={[
          { value: 'pdf', label: 'PDF' },
          { value: 'csv', label: 'CSV (spreadsheet)' },
        ]}
      />
      <Button type="submit" variant="secondary">
        Download
      </Button>
    </form>
  );
}
