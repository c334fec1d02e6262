import type { PlatformStatsGranularity, PlatformStatsPreset } from '@gametriggers/contracts';
import { platformStatsPresets } from '@gametriggers/contracts';

const granularities: ReadonlyArray<{ value: PlatformStatsGranularity; label: string }> = [
  { value: 'day', label: 'Daily' },
  { value: 'week', label: 'Weekly' },
  { value: 'month', label: 'Monthly' },
];

function Choice({ href, active, children }: { href: string; active: boolean; children: string }) {
  return (
    <a
      href={href}
      aria-current={active ? 'true' : undefined}
      className={
        active
          ? 'rounded-md bg-white px-3 py-1.5 text-sm font-medium text-brand-700 shadow-sm'
          : 'rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:text-slate-900'
      }
    >
      {children}
    </a>
  );
}

/** The dashboard's window and bucket size as links, read back with `chosenPlatformStatsRange`. */
export function StatsRangePicker({
  range,
}: {
  range: { preset: PlatformStatsPreset; granularity: PlatformStatsGranularity };
}) {
  const hrefWith = (change: { range?: string; granularity?: string }) =>
    `/?${new URLSearchParams({
      range: change.range ?? range.preset,
      granularity: change.granularity ?? (change.range ? '' : range.granularity),
    }).toString()}`;
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="dashboard-range">
      <nav aria-label="Period" className="flex gap-1 rounded-lg bg-slate-100 p-1">
        {platformStatsPresets.map((preset) => (
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
