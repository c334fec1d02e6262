import type { ReactNode } from 'react';
import { cn } from './cn';

export interface RadioCardOption<Value extends string> {
  value: Value;
  label: ReactNode;
  /** A line under the label saying what the choice does. */
  description?: ReactNode;
}

/**
 * One choice out of a few, as a grid of cards (radio buttons underneath, so keyboard and screen
 * readers work as with any radio group). Controlled: `value` and `onChange`.
 */
export function RadioCards<Value extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  columns = 2,
  compact = false,
  error,
  hint,
  testId,
}: {
  name: string;
  legend: ReactNode;
  options: ReadonlyArray<RadioCardOption<Value>>;
  value: Value;
  onChange: (next: Value) => void;
  /** Cards per row from the small breakpoint up; on phones one per row (two for 3 and 4). */
  columns?: 1 | 2 | 3 | 4;
  /** Keep `columns` on phones too, for short labels (e.g. the four corners of a screen). */
  compact?: boolean;
  error?: string | undefined;
  hint?: ReactNode;
  testId?: string;
}) {
  const grid = compact
    ? { 1: 'grid-cols-1', 2: 'grid-cols-2', 3: 'grid-cols-3', 4: 'grid-cols-4' }[columns]
    : {
        1: 'grid-cols-1',
        2: 'grid-cols-1 sm:grid-cols-2',
        3: 'grid-cols-2 sm:grid-cols-3',
        4: 'grid-cols-2 sm:grid-cols-4',
      }[columns];
  return (
    <fieldset className="space-y-2" aria-invalid={error ? true : undefined} data-testid={testId}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={cn('grid gap-2', grid)}>
        {options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer flex-col gap-0.5 rounded-lg bg-white px-3 py-2.5 text-sm ring-1 ring-slate-300 transition select-none hover:bg-slate-50 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="sr-only"
            />
            <span className="font-medium text-slate-900">{option.label}</span>
            {option.description ? (
              <span className="text-xs leading-snug text-slate-600">{option.description}</span>
            ) : null}
          </label>
        ))}
      </div>
      {error ? (
        <p className="text-sm text-red-600">{error}</p>
      ) : hint ? (
        <p className="text-sm text-slate-500">{hint}</p>
      ) : null}
    </fieldset>
  );
}
