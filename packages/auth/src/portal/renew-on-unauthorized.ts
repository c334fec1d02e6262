import { TRPCClientError } from '@gametriggers/api';

/** The gateway or a service refused the access token (expired, or no longer valid). */
export function isUnauthorized(error: unknown): boolean {
  return (
    error instanceof TRPCClientError &&
    (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED'
  );
}

/**
 * The API client with every call's UNAUTHORIZED answer turned into `onUnauthorized()` (which
 * redirects, so it never returns): the page or action then never shows a server error for a
 * token that only needs renewing. Other answers pass through untouched.
 */
export function renewOnUnauthorized<TClient extends object>(
  client: TClient,
  onUnauthorized: () => never,
): TClient {
  const wrap = (target: unknown): unknown => {
    if (typeof target !== 'function' && (typeof target !== 'object' || target === null))
      return target;
    return new Proxy(target, {
      get(object, key) {
        // The client is awaited (`await sessionApi()`): it must not look like a promise.
        if (key === 'then') return undefined;
        return wrap(Reflect.get(object, key) as unknown);
      },
      apply(fn, thisArg, args: unknown[]) {
        const result = Reflect.apply(fn as (...params: unknown[]) => unknown, thisArg, args);
        if (!isThenable(result)) return result;
        return Promise.resolve(result).catch((error: unknown) => {
          if (isUnauthorized(error)) onUnauthorized();
          throw error;
        });
      },
    });
  };
  return wrap(client) as TClient;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
