import type { z } from 'zod';

/**
 * `{ "pricing.rateCents": ["Enter a rate"] }`: a zod error as per-field messages keyed by dotted
 * path, the same keys the services send back in `fieldErrors`, so one form shows both.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
