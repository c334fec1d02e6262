import type { RouterOutputs } from '@gametriggers/api';
import { Badge, Button, ButtonLink, EmptyState, Field, LoadMore, ReasonConfirm, Select, Table } from '@gametriggers/ui';
import { formatUtc, shortId } from '../format';
import { listHref } from '../list-filters';
import { overrideViolation } from './actions';

type Violation = RouterOutputs['participation']['rules']['violations']['items'][number];
type ConflictRule = RouterOutputs['participation']['rules']['list'][number];

const outcomeOptions = [
  { value: 'refused', label: 'Refused' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'logged', label: 'Logged' },
  { value: 'overridden', label: 'Overridden' },
];
const outcomeTone = { refused: 'danger', acknowledged: 'warning', logged: 'neutral', overridden: 'success' } as const;

function ViolationFilters({ values, rules }: { values: Record<string, string>; rules: readonly ConflictRule[] }) {
  return (
    <form
      method="get"
      action="/participations"
      data-testid="violation-filters"
      className="mb-4 space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <input type="hidden" name="view" value="violations" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Select
          id="violation-rule"
          name="ruleId"
          label="Rule"
          placeholder="Any rule"
          options={rules.map((rule) => ({ value: rule.id, label: rule.name }))}
          defaultValue={values.ruleId ?? ''}
        />
        <Select id="violation-outcome" name="outcome" label="Outcome" placeholder="Any outcome" options={outcomeOptions} defaultValue={values.outcome ?? ''} />
        <Field id="violation-streamer" name="streamerId" label="Streamer id" defaultValue={values.streamerId ?? ''} />
        <Field id="violation-campaign" name="campaignId" label="Campaign id" defaultValue={values.campaignId ?? ''} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <ButtonLink href="/participations?view=violations" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}

function OverrideCell({ violation }: { violation: Violation }) {
  if (violation.override) {
    return (
      <span className="text-xs text-slate-600">
        Overridden {formatUtc(violation.override.at)}: {violation.override.note}
        {violation.override.usedAt ? ` (used ${formatUtc(violation.override.usedAt)})` : ' (not used yet)'}
      </span>
    );
  }
  if (violation.severity !== 'blocking' || violation.outcome !== 'refused') return null;
  return (
    <ReasonConfirm
      label="Override"
      title={`Override “${violation.ruleName}” for this streamer?`}
      description="The streamer may join (or be approved for) this campaign once despite the rule."
      variant="secondary"
      action={overrideViolation.bind(null, violation.id)}
      testId="override-violation"
    />
  );
}

/** Every hit of a conflict rule, newest first; a refused blocking one can be overridden. */
export function ViolationList({
  page,
  values,
  rules,
}: {
  page: RouterOutputs['participation']['rules']['violations'];
  values: Record<string, string>;
  rules: readonly ConflictRule[];
}) {
  return (
    <section aria-label="Violations">
      <ViolationFilters values={values} rules={rules} />
      {page.items.length === 0 ? (
        <EmptyState title="No violations">No rule hit matches these filters.</EmptyState>
      ) : (
        <Table<Violation>
          caption="Rule violations"
          rowTestId="violation-row"
          rowKey={(row) => row.id}
          phoneLayout="cards"
          rows={page.items}
          columns={[
            {
              header: 'Rule',
              cell: (row) => (
                <span>
                  <span className="font-semibold text-slate-900">{row.ruleName}</span>
                  <span className="block text-xs text-slate-500">{row.message}</span>
                </span>
              ),
            },
            { header: 'When', cell: (row) => formatUtc(row.createdAt) },
            {
              header: 'Streamer',
              cell: (row) => (
                <span className="font-mono text-xs" title={row.streamerId}>
                  {shortId(row.streamerId)}
                </span>
              ),
            },
            {
              header: 'Campaign',
              cell: (row) => (
                <span className="font-mono text-xs" title={row.campaignId}>
                  {shortId(row.campaignId)}
                </span>
              ),
            },
            { header: 'Attempt', cell: (row) => row.attempt },
            { header: 'Outcome', cell: (row) => <Badge tone={outcomeTone[row.outcome]}>{row.outcome}</Badge> },
            { header: 'Override', cell: (row) => <OverrideCell violation={row} /> },
          ]}
        />
      )}
      <LoadMore href={page.nextCursor ? listHref('/participations', { view: 'violations', ...values }, page.nextCursor) : null} />
    </section>
  );
}
