import type { RouterOutputs } from '@gametriggers/api';
import { Badge, Field, ReasonConfirm, Select } from '@gametriggers/ui';
import { FilteredTable } from '../../components/filtered-table';
import { NamedId } from '../../components/names/named-id';
import type { PageNames } from '../../components/names/page-names';
import { formatUtc } from '../format';
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
  problem,
  rules,
  names,
}: {
  page: RouterOutputs['participation']['rules']['violations'];
  values: Record<string, string>;
  problem: string | null;
  rules: readonly ConflictRule[];
  names: PageNames;
}) {
  return (
    <FilteredTable<Violation>
      label="Violations"
      action="/participations"
      hidden={{ view: 'violations' }}
      filtersTestId="violation-filters"
      clearHref="/participations?view=violations"
      filters={
        <>
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
        </>
      }
      problem={problem}
      empty={{ title: 'No violations', text: 'No rule hit matches these filters.' }}
      caption="Rule violations"
      rowTestId="violation-row"
      rowKey={(row) => row.id}
      rows={page.items}
      nextHref={page.nextCursor ? listHref('/participations', { view: 'violations', ...values }, page.nextCursor) : null}
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
          cell: (row) => <NamedId id={row.streamerId} name={names.streamer(row.streamerId)?.displayName} />,
        },
        {
          header: 'Campaign',
          cell: (row) => <NamedId id={row.campaignId} name={names.campaign(row.campaignId)?.title} />,
        },
        { header: 'Attempt', cell: (row) => row.attempt },
        { header: 'Outcome', cell: (row) => <Badge tone={outcomeTone[row.outcome]}>{row.outcome}</Badge> },
        { header: 'Override', cell: (row) => <OverrideCell violation={row} /> },
      ]}
    />
  );
}
