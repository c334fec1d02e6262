import type { Params } from './params';
import type { AccountScope } from './store';
import type { EventOrigin, World } from './world';

export interface ApiRequest {
  world: World;
  /** The form body (POST) or the query string (GET, DELETE). */
  params: Params;
  /** A `:name` segment of the route's path. */
  pathParam: (name: string) => string;
  /** `Stripe-Account`, or `null` for the platform. */
  account: AccountScope;
  origin: EventOrigin;
  /** The request's path without the query (lists' `url`). */
  path: string;
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface ApiRoute {
  method: HttpMethod;
  pattern: string;
  handle: (request: ApiRequest) => unknown;
}

export function route(method: HttpMethod, pattern: string, handle: (request: ApiRequest) => unknown): ApiRoute {
  return { method, pattern, handle };
}

interface CompiledRoute {
  route: ApiRoute;
  regex: RegExp;
  names: string[];
}

/** Matches `/v1/customers/:id` style patterns; literal segments win over `:params` by order. */
export class ApiRouter {
  private readonly compiled: CompiledRoute[];

  constructor(routes: ApiRoute[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.pattern
        .split('/')
        .map((segment) => {
          if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(segment.slice(1));
          return '([^/]+)';
        })
        .join('/');
      return { route, regex: new RegExp(`^${source}$`), names };
    });
  }

  match(method: string, path: string): { route: ApiRoute; pathParams: Map<string, string> } | undefined {
    for (const candidate of this.compiled) {
      if (candidate.route.method !== method) continue;
      const match = candidate.regex.exec(path);
      if (!match) continue;
      const pathParams = new Map(candidate.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
      return { route: candidate.route, pathParams };
    }
    return undefined;
  }
}
