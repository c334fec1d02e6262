import { DomainError } from '@gametriggers/trpc';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './keyset-cursor';

const id = '6f1c2a8e-33a4-4b8e-9a51-0d4d2b0c7e11';

describe('keyset cursors', () => {
  it('round-trips a date or number with the id', () => {
    expect(decodeCursor(encodeCursor('2026-12-01T12:00:00.000Z', id))).toEqual({
      value: '2026-12-01T12:00:00.000Z',
      id,
    });
    expect(decodeCursor(encodeCursor(1500, id))).toEqual({ value: 1500, id });
  });

  it.each([
    'garbage',
    encodeCursor(1, 'not-a-uuid'),
    Buffer.from('[1]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('refuses a tampered cursor %s', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(DomainError);
  });
});
