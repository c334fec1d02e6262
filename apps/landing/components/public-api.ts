'use client';

import { TRPCClientError, createApiClient } from '@gametriggers/api';

export function publicApi(gatewayUrl: string) {
  return createApiClient({ gatewayUrl });
}

/** A person-readable message and per-field messages from a failed call. */
export function problemOf(error: unknown): { message: string; fields: Record<string, string[]> } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string[]> } | undefined;
    return { message: error.message, fields: data?.fieldErrors ?? {} };
  }
  return {
    message: 'We could not reach Gametriggers. Check your connection and try again.',
    fields: {},
  };
}

/** A text field's value from submitted form data. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
