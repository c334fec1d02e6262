import { randomUUID } from 'node:crypto';
import { DomainError } from '@gametriggers/trpc';
import { describe, expect, it } from 'vitest';
import { decodeBrandCursor, encodeBrandCursor } from './brand-cursor';

describe('brand list cursors', () => {
  it('round-trips the position', () => {
    const position = { createdAt: new Date('2026-11-24T10:00:00.123Z'), id: randomUUID() };
    expect(decodeBrandCursor(encodeBrandCursor(position))).toEqual(position);
  });

  it.each([
    'not-a-cursor',
    Buffer.from('yesterday|x').toString('base64url'),
    Buffer.from(`2026-11-24T10:00:00Z|not-a-uuid`).toString('base64url'),
    Buffer.from(`nonsense|${randomUUID()}`).toString('base64url'),
  ])('refuses a forged or stale cursor %s as invalid input', (cursor) => {
    expect(() => decodeBrandCursor(cursor)).toThrow(DomainError);
    try {
      decodeBrandCursor(cursor);
    } catch (error) {
      expect(error).toMatchObject({ kind: 'invalid', reason: 'invalid_cursor' });
    }
  });
});
