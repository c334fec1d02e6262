/** A page's search params, as Next.js hands them to a server component. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a search param, trimmed ('' when absent). */
export const paramOf = (params: SearchParams, name: string) => {
  const value = params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};
