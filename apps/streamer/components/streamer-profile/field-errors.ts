import type { z } from 'zod';

/** Error messages by dotted input path (`content.primaryCategory`), the first one per path. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOfIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '_';
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

/** The message for a field, or for any part of it (a list field's `secondaryCategories.2`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return nested ? errors[nested] : undefined;
}
