import type { ChosenReportRange, ReportGranularity } from '@gametriggers/contracts';
import { reportRangePresets, reportRangeSearchParams } from '@gametriggers/contracts';
import { cn } from '../cn';
import { focusRing } from '../controls';

interface Choice<Value extends string> {
  value: Value;
  label: string;
}

const reportGranularities: ReadonlyArray<Choice<ReportGranularity>> = [
  { value: 'hour', label: 'Hourly' },
  { value: 'day', label: 'Daily' },
];

function ChoiceLink({ href, active, children }: { href: string; active: boolean; children: string }) {
  return (
    <a
      href={href}
      aria-current={active ? 'true' : undefined}
      className={cn(
        'rounded-md px-3 py-1.5 text-sm font-medium',
        focusRing,
        active ? 'bg-white text-brand-700 shadow-sm' : 'text-slate-600 hover:text-slate-900',
      )}
    >
      {children}
    </a>
  );
}

function ChoiceGroup<Value extends string>({
  label,
  choices,
  current,
  hrefOf,
}: {
  label: string;
  choices: ReadonlyArray<Choice<Value>>;
  current: Value;
  hrefOf: (value: Value) => string;
}) {
  return (
    <nav aria-label={label} className="flex gap-1 rounded-lg bg-slate-100 p-1">
      {choices.map((choice) => (
        <ChoiceLink key={choice.value} href={hrefOf(choice.value)} active={choice.value === current}>
          {choice.label}
        </ChoiceLink>
      ))}
    </nav>
  );
}

/**
 * A window and its bucket size as links (`href` builds each choice's address), so the server
 * renders each choice: the period presets and the granularities a page offers.
 */
export function RangePicker<Preset extends string, Granularity extends string>({
  presets,
  granularities,
  current,
  href,
  testId,
}: {
  presets: ReadonlyArray<Choice<Preset>>;
  granularities: ReadonlyArray<Choice<Granularity>>;
  current: { preset: Preset; granularity: Granularity };
  href: (change: { range?: Preset; granularity?: Granularity }) => string;
  testId: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid={testId}>
      <ChoiceGroup
        label="Period"
        choices={presets}
        current={current.preset}
        hrefOf={(range) => href({ range })}
      />
      <ChoiceGroup
        label="Granularity"
        choices={granularities}
        current={current.granularity}
        hrefOf={(granularity) => href({ granularity })}
      />
    </div>
  );
}

/**
 * A report's window and bucket size as links to the page at `path` (read back with
 * `chosenReportRange` from `@gametriggers/contracts`).
 */
export function ReportRangePicker({ path, range }: { path: string; range: ChosenReportRange }) {
  return (
    <RangePicker
      presets={reportRangePresets}
      granularities={reportGranularities}
      current={range}
      href={(change) => `${path}?${reportRangeSearchParams(range, change).toString()}`}
      testId="analytics-range"
    />
  );
}
