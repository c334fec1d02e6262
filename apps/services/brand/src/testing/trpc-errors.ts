import { TRPCClientError } from '@trpc/client';

export interface CallFailure {
  message: string;
  code: string;
  httpStatus: number;
  reason?: string;
  details?: Record<string, unknown>;
  fieldErrors?: Record<string, string[]>;
}

export function errorOf(error: unknown): CallFailure {
  if (!(error instanceof TRPCClientError)) throw error;
  return { message: error.message, ...(error.data as Omit<CallFailure, 'message'>) };
}

/** The error a call fails with; throws when it succeeds. */
export async function failure(promise: Promise<unknown>): Promise<CallFailure> {
  try {
    await promise;
  } catch (error) {
    return errorOf(error);
  }
  throw new Error('Expected the call to fail');
}
