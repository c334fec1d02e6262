import { Button, ButtonLink, Field } from '@gametriggers/ui';

/** The audit log's filters: a plain GET form, so the server filters and the address can be shared. */
export function AuditFilters({ values }: { values: Record<string, string> }) {
  const field = (name: string, label: string, placeholder?: string) => (
    <Field id={`audit-${name}`} name={name} label={label} placeholder={placeholder} defaultValue={values[name] ?? ''} />
  );
  return (
    <form
      method="get"
      action="/audit-log"
      data-testid="audit-filters"
      className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {field('action', 'Action', 'brand.verify')}
        {field('subjectType', 'Subject type', 'brand')}
        {field('subjectId', 'Subject id')}
        {field('actorId', 'Actor (admin id)')}
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Field id="audit-from" name="from" type="date" label="From (UTC day)" defaultValue={values.from ?? ''} />
        <Field id="audit-to" name="to" type="date" label="To (UTC day, inclusive)" defaultValue={values.to ?? ''} />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          {Object.keys(values).length > 0 ? (
            <ButtonLink href="/audit-log" variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </div>
    </form>
  );
}
