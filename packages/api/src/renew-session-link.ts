import { TRPCClientError } from '@trpc/client';
import type { TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import type { Unsubscribable } from '@trpc/server/observable';

/**
 * Renews the person's session after the API refused the access token. Resolves true when a fresh
 * token is ready (the call is retried once), false when the session has ended (the renewer sends
 * the person to sign in; the call fails).
 */
export type SessionRenewer = () => Promise<boolean>;

function isUnauthorized(error: unknown): boolean {
  return (
    error instanceof TRPCClientError &&
    (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED'
  );
}

/**
 * A call answered UNAUTHORIZED (the token expired between renders) renews the session once and is
 * sent again; any other answer, and a second refusal, pass through untouched.
 */
export function renewSessionLink<TRouter extends AnyTRPCRouter>(
  renew: SessionRenewer,
): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let current: Unsubscribable | undefined;
        let stopped = false;
        const send = (retried: boolean) => {
          current = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              if (retried || !isUnauthorized(error)) return observer.error(error);
              renew().then(
                (renewed) => {
                  if (stopped) return;
                  if (renewed) send(true);
                  else observer.error(error);
                },
                () => observer.error(error),
              );
            },
          });
        };
        send(false);
        return () => {
          stopped = true;
          current?.unsubscribe();
        };
      });
}
