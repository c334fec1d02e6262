import type { StripeEvent } from '../events';
import { paginate } from '../list';
import { route } from '../router';

export const eventRoutes = [
  route('GET', '/v1/events', ({ world, params, account, path }) => {
    const type = params.string('type');
    const types = params.strings('types');
    const matches = (event: StripeEvent) =>
      (type === undefined || matchesType(event.type, type)) && (types.length === 0 || types.some((pattern) => matchesType(event.type, pattern)));
    return paginate(world.store.all<StripeEvent>('event', account).filter(matches), params, path);
  }),
  route('GET', '/v1/events/:id', ({ world, account, pathParam }) => world.store.get<StripeEvent>('event', pathParam('id'), account)),
];

/** Stripe's `type` filter takes a wildcard: `charge.dispute.*`. */
function matchesType(type: string, pattern: string): boolean {
  return pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}
