import type { z } from 'zod';

export type SearchParams = Record<string, string | string[] | undefined>;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The first value of a search parameter, trimmed; `undefined` when absent or blank. */
export function firstParam(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

/** The start of a `YYYY-MM-DD` UTC day, or null when it is not a real day. */
function dayStart(day: string): Date | null {
  if (!DAY_PATTERN.test(day)) return null;
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

export interface ChosenFilters<Query> {
  /** What the list procedure is asked (without the page size). */
  query: Partial<Query>;
  /** The filters as typed, to fill the form and build links. */
  values: Record<string, string>;
  /** A filter that could not be used, said so instead of silently ignored. */
  problem: string | null;
}

/**
 * A list page's filters from its address, each checked with the procedure's own input schema (so
 * the page never sends what the service would refuse). `days` names the fields typed as UTC days:
 * a start field becomes the day's start; an `end` one the next day's start (the last day counts).
 */
export function chosenFilters<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  params: SearchParams,
  fields: ReadonlyArray<keyof Shape & string>,
  days: Partial<Record<keyof Shape & string, 'start' | 'end'>> = {},
): ChosenFilters<z.output<z.ZodObject<Shape>>> {
  const query: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const field of [...fields, 'cursor'] as const) {
    const text = firstParam(params, field);
    const fieldSchema = schema.shape[field] as unknown as z.ZodType | undefined;
    if (text === undefined || !fieldSchema) continue;
    const day = days[field];
    const start = day ? dayStart(text) : null;
    const input = day ? (start && day === 'end' ? new Date(start.getTime() + DAY_MS) : start) : text;
    const parsed = input === null ? null : fieldSchema.safeParse(input);
    if (parsed?.success) {
      query[field] = parsed.data;
      if (field !== 'cursor') values[field] = text;
    } else {
      problems.push(`“${text.slice(0, 40)}” is not a valid ${field}`);
    }
  }
  return {
    query: query as Partial<z.output<z.ZodObject<Shape>>>,
    values,
    problem: problems.length > 0 ? `${problems.join('; ')}: left out.` : null,
  };
}

/** The address of a list with these filters (and a page of them). */
export function listHref(path: string, values: Record<string, string>, cursor?: string | null) {
  const search = new URLSearchParams(values);
  if (cursor) search.set('cursor', cursor);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
