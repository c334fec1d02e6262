import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** The kinds of failure a domain function can report; each maps to one tRPC code below. */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'rate_limited'
  | 'locked'
  /** A provider the service depends on is not answering: nothing was done, trying later may work. */
  | 'unavailable';

const trpcCodeByKind: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  invalid: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  precondition_failed: 'PRECONDITION_FAILED',
  rate_limited: 'TOO_MANY_REQUESTS',
  locked: 'FORBIDDEN',
  unavailable: 'SERVICE_UNAVAILABLE',
};

/**
 * An expected failure of a domain rule. `reason` is a stable machine-readable name
 * (e.g. `account_locked`) the portals can branch on; `message` is for people. `fieldErrors`, keyed
 * by input path like a validation failure's, lets a form show a refusal beside the field it is about
 * (e.g. `documents.1.assetId` when an attached file turned out unusable).
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: trpcCodeByKind[error.kind], message: error.message, cause: error });
}
