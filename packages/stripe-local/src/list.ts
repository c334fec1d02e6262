import { invalidRequest } from './errors';
import type { Params } from './params';
import type { StripeObject } from './store';

export interface ListEnvelope<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** One page of `items` (newest first) by `limit`, `starting_after` and `ending_before`. */
export function paginate<T extends StripeObject>(items: T[], query: Params, url: string): ListEnvelope<T> {
  const limit = query.integer('limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest('Invalid limit: must be between 1 and 100', { param: 'limit' });
  const startingAfter = query.string('starting_after');
  const endingBefore = query.string('ending_before');
  if (startingAfter !== undefined && endingBefore !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.');
  }
  if (endingBefore !== undefined) {
    const end = positionOf(items, endingBefore, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: items.slice(start, end), has_more: start > 0, url };
  }
  const start = startingAfter === undefined ? 0 : positionOf(items, startingAfter, 'starting_after') + 1;
  return { object: 'list', data: items.slice(start, start + limit), has_more: start + limit < items.length, url };
}

function positionOf(items: StripeObject[], id: string, param: string): number {
  const position = items.findIndex((item) => item.id === id);
  if (position < 0) throw invalidRequest(`No such object: '${id}'`, { param, code: 'resource_missing' });
  return position;
}
