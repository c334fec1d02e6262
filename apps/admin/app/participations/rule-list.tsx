import type { RouterOutputs } from '@gametriggers/api';
import { conflictRuleTypes, contentCategories } from '@gametriggers/contracts';
import { Badge, Card, EmptyState, ReasonConfirm } from '@gametriggers/ui';
import { formatUtc } from '../format';
import { listHref } from '../list-filters';
import { createRule, disableRule, updateRule } from './actions';
import { RuleForm } from './rule-form';
import { emptyRuleForm, ruleFormOf } from './rule-form-state';

type ConflictRule = RouterOutputs['participation']['rules']['list'][number];

const severityTone = { blocking: 'danger', warning: 'warning', advisory: 'neutral' } as const;
const categoryLabel = (id: string) => contentCategories.find((category) => category.id === id)?.label ?? id;
const count = (list: readonly unknown[], what: string) => `${list.length} ${what}${list.length === 1 ? '' : 's'}`;

/** What the rule does, in a line. */
function ruleSummary(rule: ConflictRule): string {
  const { params } = rule;
  switch (params.type) {
    case 'category_exclusivity':
      return `One live campaign at a time in ${params.categories.map(categoryLabel).join(', ')}`;
    case 'brand_exclusivity':
      return `No two live campaigns of ${count(params.brandIds, 'competing brand')}`;
    case 'cooldown':
      return `${params.hours} h after a participation of the same ${params.by} ends`;
    case 'simultaneous_limit':
      return `At most ${params.max} live campaigns`;
  }
}

function scopeSummary(rule: ConflictRule): string {
  const { scope } = rule;
  const parts = [
    scope.streamerIds.length ? count(scope.streamerIds, 'streamer') : null,
    scope.brandIds.length ? count(scope.brandIds, 'brand') : null,
    scope.categories.length ? scope.categories.map(categoryLabel).join(', ') : null,
    scope.regions.length ? scope.regions.join(', ') : null,
  ].filter(Boolean);
  const window = [
    rule.activeFrom ? `from ${formatUtc(rule.activeFrom)}` : null,
    rule.activeUntil ? `until ${formatUtc(rule.activeUntil)}` : null,
  ].filter(Boolean);
  return [parts.length ? `Applies to ${parts.join('; ')}` : 'Applies to everyone', ...window].join(', ');
}

function RuleCard({ rule }: { rule: ConflictRule }) {
  const typeLabel = conflictRuleTypes.find((type) => type.id === rule.type)?.label ?? rule.type;
  return (
    <Card className="space-y-3 p-5">
      <div data-testid="conflict-rule" data-rule-name={rule.name} className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-semibold text-slate-900">{rule.name}</h3>
          <Badge tone={severityTone[rule.severity]}>{rule.severity}</Badge>
          <Badge tone="neutral">{typeLabel}</Badge>
          {rule.disabledAt ? (
            <Badge tone="neutral">Disabled {formatUtc(rule.disabledAt)}</Badge>
          ) : rule.inEffect ? (
            <Badge tone="success">In effect</Badge>
          ) : (
            <Badge tone="warning">Outside its window</Badge>
          )}
        </div>
        <p className="text-sm text-slate-700">{ruleSummary(rule)}</p>
        <p className="text-sm text-slate-500">{scopeSummary(rule)}</p>
        <p className="text-sm text-slate-600 italic">“{rule.message}”</p>
        <div className="flex flex-wrap items-center gap-3">
          <a href={listHref('/participations', { view: 'violations', ruleId: rule.id })} className="text-sm font-medium text-brand-700 hover:underline">
            Violations
          </a>
          {rule.disabledAt ? null : (
            <ReasonConfirm
              label="Disable"
              title={`Disable “${rule.name}”?`}
              description="The rule stops applying to joins, applications and approvals. It stays, with its violations, for the record."
              action={disableRule.bind(null, rule.id)}
              testId="disable-rule"
            />
          )}
        </div>
      </div>
      {rule.disabledAt ? null : (
        <details className="border-t border-slate-100 pt-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Edit</summary>
          <div className="mt-4">
            <RuleForm initial={ruleFormOf(rule)} submitLabel="Save the rule" save={updateRule.bind(null, rule.id)} />
          </div>
        </details>
      )}
    </Card>
  );
}

/** The conflict rules, newest first, with a form for a new one. */
export function RuleList({ rules }: { rules: readonly ConflictRule[] }) {
  return (
    <section aria-label="Conflict rules" className="space-y-4">
      <Card className="p-5">
        <details data-testid="new-rule">
          <summary className="cursor-pointer font-semibold text-slate-900">New conflict rule</summary>
          <div className="mt-4">
            <RuleForm initial={emptyRuleForm} submitLabel="Create the rule" save={createRule} />
          </div>
        </details>
      </Card>
      {rules.length === 0 ? (
        <EmptyState title="No conflict rules">Streamers may join any campaign they qualify for.</EmptyState>
      ) : (
        rules.map((rule) => <RuleCard key={rule.id} rule={rule} />)
      )}
    </section>
  );
}
