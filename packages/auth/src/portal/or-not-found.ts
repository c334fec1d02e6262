import { TRPCClientError } from '@gametriggers/api';
import { notFound } from 'next/navigation';

/**
 * A page's read of one record by the id in its URL: a record that does not exist or is not the
 * caller's (404), or an id that is not one (400), shows the not-found page instead of an error.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    const code =
      error instanceof TRPCClientError
        ? (error.data as { code?: string } | undefined)?.code
        : undefined;
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') notFound();
    throw error;
  }
}
