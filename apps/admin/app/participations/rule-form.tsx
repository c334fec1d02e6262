'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { ConflictRuleInput, ContentCategory, Country } from '@gametriggers/contracts';
import { conflictRuleTypes, contentCategories, countries } from '@gametriggers/contracts';
import { Alert, Button, CheckboxGroup, Field, Select, Textarea } from '@gametriggers/ui';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { RuleFormState } from './rule-form-state';
import { fieldOf, ruleInputOf } from './rule-form-state';

const severityOptions = [
  { value: 'blocking', label: 'Blocking — refuses the join' },
  { value: 'warning', label: 'Warning — the streamer must acknowledge' },
  { value: 'advisory', label: 'Advisory — only logged' },
];
const typeOptions = conflictRuleTypes.map((type) => ({ value: type.id, label: type.label }));
const categoryOptions = contentCategories.map((category) => ({ value: category.id, label: category.label }));
const regionOptions = countries.map((country) => ({ value: country.id, label: country.label }));

/** Creates or edits a conflict rule: its kind decides which settings it asks for. */
export function RuleForm({
  initial,
  submitLabel,
  save,
}: {
  initial: RuleFormState;
  submitLabel: string;
  save: (rule: ConflictRuleInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof RuleFormState>(key: K, value: RuleFormState[K]) =>
    setState((current) => ({ ...current, [key]: value }));
  const idPrefix = `rule-${useId()}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setFailure(undefined);
    const result = ruleInputOf(state);
    setErrors(result.ok ? {} : result.fieldErrors);
    if (!result.ok) return;
    setPending(true);
    try {
      const outcome = await save(result.rule);
      if (outcome.ok) {
        setSaved(true);
        if (!initial.name) setState(initial);
      } else {
        const fieldErrors = outcome.error.fieldErrors ?? {};
        setErrors(
          Object.fromEntries(
            Object.entries(fieldErrors).map(([path, messages]) => [fieldOf(path.replace(/^rule\./, '')), messages[0] ?? '']),
          ),
        );
        setFailure(outcome.error.message);
      }
    } finally {
      setPending(false);
    }
  }

  const { type } = state;
  const asksCategories = type === 'category_exclusivity' || (type === 'cooldown' && state.by === 'category');
  const asksBrands = type === 'brand_exclusivity' || (type === 'cooldown' && state.by === 'brand');
  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="rule-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${idPrefix}-name`} label="Name" value={state.name} onChange={(event) => set('name', event.target.value)} error={errors.name} />
        <Select
          id={`${idPrefix}-severity`}
          label="Severity"
          options={severityOptions}
          value={state.severity}
          onChange={(event) => set('severity', event.target.value as RuleFormState['severity'])}
          error={errors.severity}
        />
      </div>
      <Textarea
        id={`${idPrefix}-message`}
        label="Message streamers see"
        rows={2}
        value={state.message}
        onChange={(event) => set('message', event.target.value)}
        error={errors.message}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          id={`${idPrefix}-type`}
          label="Kind of rule"
          options={typeOptions}
          value={type}
          onChange={(event) => set('type', event.target.value as RuleFormState['type'])}
        />
        {type === 'cooldown' ? (
          <div className="grid grid-cols-2 gap-4">
            <Field id={`${idPrefix}-hours`} label="Hours" inputMode="numeric" value={state.hours} onChange={(event) => set('hours', event.target.value)} error={errors['params.hours']} />
            <Select
              id={`${idPrefix}-by`}
              label="Same"
              options={[
                { value: 'category', label: 'Category' },
                { value: 'brand', label: 'Brand' },
              ]}
              value={state.by}
              onChange={(event) => set('by', event.target.value as RuleFormState['by'])}
            />
          </div>
        ) : null}
        {type === 'simultaneous_limit' ? (
          <Field id={`${idPrefix}-max`} label="Live campaigns at most" inputMode="numeric" value={state.max} onChange={(event) => set('max', event.target.value)} error={errors['params.max']} />
        ) : null}
      </div>
      {asksCategories ? (
        <CheckboxGroup
          name="categories"
          legend={type === 'cooldown' ? 'Only these categories (none: all)' : 'Exclusive categories'}
          options={categoryOptions}
          value={state.categories}
          onChange={(next) => set('categories', next as ContentCategory[])}
          error={errors['params.categories']}
        />
      ) : null}
      {asksBrands ? (
        <Textarea
          id={`${idPrefix}-brands`}
          label={type === 'cooldown' ? 'Only these brands (ids, one per line; none: all)' : 'Competing brands (ids, one per line)'}
          rows={3}
          value={state.brandIdsText}
          onChange={(event) => set('brandIdsText', event.target.value)}
          error={errors['params.brandIds']}
        />
      ) : null}
      <details className="rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Applies to (empty: everyone) and when</summary>
        <div className="mt-4 space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Textarea id={`${idPrefix}-scope-streamers`} label="Streamers (ids, one per line)" rows={2} value={state.scopeStreamerIdsText} onChange={(event) => set('scopeStreamerIdsText', event.target.value)} error={errors['scope.streamerIds']} />
            <Textarea id={`${idPrefix}-scope-brands`} label="Brands (ids, one per line)" rows={2} value={state.scopeBrandIdsText} onChange={(event) => set('scopeBrandIdsText', event.target.value)} error={errors['scope.brandIds']} />
          </div>
          <CheckboxGroup name="scopeCategories" legend="Campaign categories" options={categoryOptions} value={state.scopeCategories} onChange={(next) => set('scopeCategories', next as ContentCategory[])} error={errors['scope.categories']} />
          <CheckboxGroup name="scopeRegions" legend="Streamer countries" options={regionOptions} value={state.scopeRegions} onChange={(next) => set('scopeRegions', next as Country[])} error={errors['scope.regions']} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${idPrefix}-from`} type="datetime-local" label="Active from (UTC)" value={state.activeFrom} onChange={(event) => set('activeFrom', event.target.value)} error={errors.activeFrom} />
            <Field id={`${idPrefix}-until`} type="datetime-local" label="Active until (UTC)" value={state.activeUntil} onChange={(event) => set('activeUntil', event.target.value)} error={errors.activeUntil} />
          </div>
        </div>
      </details>
      {failure ? <Alert title="The rule was not saved">{failure}</Alert> : null}
      {saved ? <Alert tone="success">Saved. It applies to the next join, application or approval.</Alert> : null}
      <Button type="submit" loading={pending} data-testid="rule-save">
        {submitLabel}
      </Button>
    </form>
  );
}
