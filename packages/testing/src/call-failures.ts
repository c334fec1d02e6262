import { TRPCClientError } from '@trpc/client';

export interface CallFailure {
  message: string;
  code: string;
  httpStatus: number;
  reason?: string;
  details?: Record<string, unknown>;
  fieldErrors?: Record<string, string[]>;
}

/** The error data of a failed tRPC call; anything else is rethrown. */
export function errorOf(error: unknown): CallFailure {
  if (!(error instanceof TRPCClientError)) throw error;
  return { message: error.message, ...(error.data as Omit<CallFailure, 'message'>) };
}

/** Awaits a call that must fail and returns its error data. */
export async function failure(promise: Promise<unknown>): Promise<CallFailure> {
  try {
    await promise;
  } catch (error) {
    return errorOf(error);
  }
  throw new Error('Expected the call to fail');
}
