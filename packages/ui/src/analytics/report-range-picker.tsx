import type { ChosenReportRange, ReportGranularity } from '@gametriggers/contracts';
import { reportRangePresets, reportRangeSearchParams } from '@gametriggers/contracts';
import { cn } from '../cn';
import { focusRing } from '../controls';

const granularities: ReadonlyArray<{ value: ReportGranularity; label: string }> = [
  { value: 'hour', label: 'Hourly' },
  { value: 'day', label: 'Daily' },
];

function Choice({ href, active, children }: { href: string; active: boolean; children: string }) {
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

/**
 * A report's window and bucket size as links to the page at `path`, so the server renders each
 * choice (read back with `chosenReportRange` from `@gametriggers/contracts`).
 */
export function ReportRangePicker({ path, range }: { path: string; range: ChosenReportRange }) {
  const hrefWith = (change: Parameters<typeof reportRangeSearchParams>[1]) =>
    `${path}?${reportRangeSearchParams(range, change).toString()}`;
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="analytics-range">
      <nav aria-label="Period" className="flex gap-1 rounded-lg bg-slate-100 p-1">
        {reportRangePresets.map((preset) => (
          <Choice
            key={preset.value}
            href={hrefWith({ range: preset.value })}
            active={preset.value === range.preset}
          >
            {preset.label}
          </Choice>
        ))}
      </nav>
      <nav aria-label="Granularity" className="flex gap-1 rounded-lg bg-slate-100 p-1">
        {granularities.map((granularity) => (
          <Choice
            key={granularity.value}
            href={hrefWith({ granularity: granularity.value })}
            active={granularity.value === range.granularity}
          >
            {granularity.label}
          </Choice>
        ))}
      </nav>
    </div>
  );
}
