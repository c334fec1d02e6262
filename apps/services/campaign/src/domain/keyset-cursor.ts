import { DomainError } from '@gametriggers/trpc';

/** An opaque page cursor: the sort value and id of the last row of the previous page. */
export function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: string | number; id: string } {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      (typeof decoded[0] === 'string' || typeof decoded[0] === 'number') &&
      typeof decoded[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(decoded[1])
    ) {
      return { value: decoded[0], id: decoded[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError(
    'invalid',
    'invalid_cursor',
    'This page link is no longer valid; start from the first page.',
  );
}
