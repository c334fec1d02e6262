import type { z } from 'zod';

/** Error messages by dotted input path (`budgetRange.maxCents`), the first one per path. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOfIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The server's `fieldErrors` (all messages per path), in the same shape. */
export function fieldErrorsOfServer(fields: Record<string, string[]> | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields ?? {})) {
    if (messages[0]) errors[key] = messages[0];
  }
  return errors;
}

/** The errors under `prefix.`, with the prefix removed: a section's errors out of the whole form's. */
export function fieldErrorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const scoped: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith(`${prefix}.`)) scoped[key.slice(prefix.length + 1)] = message;
  }
  return scoped;
}

/** The message for a field, or for any part of it (a list field's `regions.2`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return nested ? errors[nested] : undefined;
}
