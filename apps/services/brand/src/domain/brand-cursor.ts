import { DomainError } from '@gametriggers/trpc';

/** Keyset position in "newest first" order: creation time, then id to break ties. */
export interface BrandCursor {
  createdAt: Date;
  id: string;
}

export function encodeBrandCursor(cursor: BrandCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeBrandCursor(encoded: string): BrandCursor {
  const [time, id] = Buffer.from(encoded, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  if (!id || !uuidPattern.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new DomainError(
      'invalid',
      'invalid_cursor',
      'This page link is not valid any more. Start again from the first page.',
    );
  }
  return { createdAt, id };
}
