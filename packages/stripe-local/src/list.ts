import { invalidRequest } from './errors';
import type { Params } from './params';
import type { StripeObject } from './store';

export interface ListEnvelope<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * One page of `items` (newest first) by `limit`, `starting_after` and `ending_before`, after
 * the `created` filter every Stripe list takes (`created=<t>` or `created[gt|gte|lt|lte]=<t>`).
 */
export function paginate<T extends StripeObject>(all: T[], query: Params, url: string): ListEnvelope<T> {
  const items = all.filter(createdFilter(query));
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

function createdFilter(query: Params): (item: StripeObject) => boolean {
  if (!query.has('created')) return () => true;
  const exact = typeof query.values.created === 'string' ? query.integer('created') : undefined;
  const range = exact === undefined ? query.object('created') : undefined;
  const bounds = {
    gt: range?.integer('gt'),
    gte: range?.integer('gte'),
    lt: range?.integer('lt'),
    lte: range?.integer('lte'),
  };
  return (item) => {
    const created = typeof item.created === 'number' ? item.created : 0;
    if (exact !== undefined) return created === exact;
    return (
      (bounds.gt === undefined || created > bounds.gt) &&
      (bounds.gte === undefined || created >= bounds.gte) &&
      (bounds.lt === undefined || created < bounds.lt) &&
      (bounds.lte === undefined || created <= bounds.lte)
    );
  };
}
