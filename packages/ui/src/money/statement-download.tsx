import { Button } from '../controls';
import { Select } from '../form-controls';
import { statementMonths } from './statement-months';

/**
 * A month and a format, sent (GET) to a portal route that answers with the statement file; a plain
 * form, so it works before any script runs.
 */
export function StatementDownload({ action, now }: { action: string; now: Date }) {
  return (
    // Stacked so it fits a narrow column as well as a phone: the month, then format and button.
    <form method="get" action={action} className="space-y-4" data-testid="statement-download">
      <Select id="statement-month" name="month" label="Month" options={statementMonths(now)} />
      <div className="grid grid-cols-[1fr_auto] items-end gap-3">
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
      </div>
    </form>
  );
}
