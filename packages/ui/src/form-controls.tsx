import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cn } from './cn';

const controlStyles =
  'block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 focus:outline-none disabled:bg-slate-50';

/** Label, control, then an error or a hint below it: the frame every form control sits in. */
export function FieldFrame({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

export interface Option {
  value: string;
  label: string;
}

export function Select({
  id,
  label,
  error,
  hint,
  options,
  placeholder,
  className,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: ReactNode;
  options: readonly Option[];
  /** A first, empty choice, e.g. "Any category". */
  placeholder?: string;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={cn(controlStyles, 'pr-8', error && 'ring-red-500', className)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Textarea({
  id,
  label,
  error,
  hint,
  className,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={cn(controlStyles, error && 'ring-red-500', className)}
        {...textarea}
      />
    </FieldFrame>
  );
}

/**
 * Several choices as toggle chips (checkboxes underneath, so it works in a plain form post).
 * Controlled when `value` and `onChange` are given.
 */
export function CheckboxGroup({
  name,
  legend,
  options,
  value,
  defaultValue,
  onChange,
  error,
  hint,
}: {
  name: string;
  legend: ReactNode;
  options: readonly Option[];
  value?: readonly string[];
  defaultValue?: readonly string[];
  onChange?: (next: string[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  return (
    <fieldset className="space-y-2" aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => {
          const checkedProps = value
            ? {
                checked: value.includes(option.value),
                onChange: () =>
                  onChange?.(
                    value.includes(option.value)
                      ? value.filter((entry) => entry !== option.value)
                      : [...value, option.value],
                  ),
              }
            : { defaultChecked: defaultValue?.includes(option.value) };
          return (
            <label
              key={option.value}
              className="cursor-pointer rounded-full bg-white px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 transition select-none has-checked:bg-brand-600 has-checked:text-white has-checked:ring-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
            >
              <input type="checkbox" name={name} value={option.value} className="sr-only" {...checkedProps} />
              {option.label}
            </label>
          );
        })}
      </div>
      {error ? <p className="text-sm text-red-600">{error}</p> : hint ? <p className="text-sm text-slate-500">{hint}</p> : null}
    </fieldset>
  );
}
