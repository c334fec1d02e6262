import {
  contentCategorySchema,
  countrySchema,
  languageSchema,
  searchStreamersInput,
  streamerSearchSortSchema,
} from '@gametriggers/contracts';
import type { SearchStreamersInput } from '@gametriggers/contracts';
import { z } from 'zod';

export type DiscoverParams = Record<string, string | string[] | undefined>;

const PAGE_SIZE = 24;

const listOf = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value : value ? [value] : [];
const firstOf = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;
const countSchema = z.coerce.number().int().nonnegative().max(1_000_000_000);

/**
 * The discovery filters from the URL (a plain GET form, so searches can be shared and bookmarked).
 * Values that do not parse are left out and named, rather than failing the whole search.
 */
export function searchFromParams(params: DiscoverParams): {
  input: SearchStreamersInput;
  ignored: string[];
} {
  const ignored: string[] = [];
  const pick = <T>(label: string, raw: unknown, schema: z.ZodType<T>): T | undefined => {
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) ignored.push(label);
    return parsed.success ? parsed.data : undefined;
  };
  const categories = listOf(params.category).flatMap(
    (value) => pick('category', value, contentCategorySchema) ?? [],
  );
  const language = pick('language', firstOf(params.language), languageSchema);
  const country = pick('country', firstOf(params.country), countrySchema);
  const query = firstOf(params.q)?.trim();
  const input = searchStreamersInput.parse({
    categories,
    languages: language ? [language] : [],
    countries: country ? [country] : [],
    minFollowers: pick('minimum followers', firstOf(params.minFollowers), countSchema),
    minAverageViewers: pick(
      'minimum average viewers',
      firstOf(params.minAverageViewers),
      countSchema,
    ),
    minReputation: pick('minimum reputation', firstOf(params.minReputation), countSchema),
    liveOnly: firstOf(params.live) === '1',
    query: query ? query.slice(0, 100) : undefined,
    sort: pick('sort', firstOf(params.sort), streamerSearchSortSchema) ?? 'followers',
    cursor: firstOf(params.cursor)?.slice(0, 200),
    limit: PAGE_SIZE,
  });
  return { input, ignored: [...new Set(ignored)] };
}

/** The same search as URL parameters (for the "Load more" link and the reset of a page). */
export function paramsOfSearch(input: SearchStreamersInput, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const category of input.categories ?? []) params.append('category', category);
  if (input.languages?.[0]) params.set('language', input.languages[0]);
  if (input.countries?.[0]) params.set('country', input.countries[0]);
  if (input.minFollowers) params.set('minFollowers', String(input.minFollowers));
  if (input.minAverageViewers) params.set('minAverageViewers', String(input.minAverageViewers));
  if (input.minReputation) params.set('minReputation', String(input.minReputation));
  if (input.liveOnly) params.set('live', '1');
  if (input.query) params.set('q', input.query);
  if (input.sort && input.sort !== 'followers') params.set('sort', input.sort);
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** Whether any filter narrows the search (for the empty state's wording). */
export const isFiltered = (input: SearchStreamersInput) =>
  Boolean(
    input.categories?.length ||
    input.languages?.length ||
    input.countries?.length ||
    input.minFollowers ||
    input.minAverageViewers ||
    input.minReputation ||
    input.liveOnly ||
    input.query,
  );
