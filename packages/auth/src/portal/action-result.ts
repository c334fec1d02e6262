import { TRPCClientError } from '@gametriggers/api';

/** What a server action hands back to the form that called it: data, or an error to show. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export interface ActionError {
  message: string;
  /** tRPC code, e.g. `BAD_REQUEST`, `FORBIDDEN`, `CONFLICT`. */
  code?: string;
  /** The service's machine-readable reason, e.g. `no_energy`, `conflict_rule`. */
  reason?: string;
  details?: unknown;
  /** Per-field messages, keyed by the input path (`pricing.rateCents`). */
  fieldErrors?: Record<string, string[]>;
}

interface ErrorData {
  code?: string;
  reason?: string;
  details?: unknown;
  fieldErrors?: Record<string, string[]>;
}

/** The error of an API call, in the shape forms show; anything unexpected is rethrown. */
export function actionErrorOf(error: unknown): ActionError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    return {
      message: error.message,
      code: data.code,
      reason: data.reason,
      details: data.details,
      fieldErrors: data.fieldErrors,
    };
  }
  throw error;
}
