import { describe, expect, it } from 'vitest';
import { InvalidCursorError, cursorParts, keysetCursor } from './keyset-cursor';

const newest = keysetCursor('campaigns.newest', { createdAt: cursorParts.instant, id: cursorParts.id });
const byRate = keysetCursor('campaigns.rate', { rateCents: cursorParts.integer(0), id: cursorParts.id });
const position = { createdAt: new Date('2026-03-08T07:30:00.123Z'), id: '3f2b8c1e-5d4a-4b6f-9a7e-1c2d3e4f5a6b' };

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keyset cursors', () => {
  it('round-trips the position it made, URL-safe', () => {
    const cursor = newest.encode(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(newest.decode(cursor)).toEqual(position);
    expect(byRate.decode(byRate.encode({ rateCents: 2_500, id: position.id }))).toEqual({ rateCents: 2_500, id: position.id });
    expect(newest.decodeOptional(undefined)).toBeUndefined();
  });

  it('refuses a cursor made for another list or sort', () => {
    expect(() => byRate.decode(newest.encode(position))).toThrow(InvalidCursorError);
  });

  it('refuses forged and damaged cursors, whatever they hold', () => {
    const forged = [
      '',
      'not base64!',
      'AAAA',
      base64url(['campaigns.newest', 'yesterday', position.id]),
      base64url(['campaigns.newest', '275760-09-13T00:00:00.000Z', position.id]),
      base64url(['campaigns.newest', '1970-01-01T00:00:00.000Z', position.id]),
      base64url(['campaigns.newest', position.createdAt.toISOString(), 'not-a-uuid']),
      base64url(['campaigns.newest', position.createdAt.toISOString(), position.id, 'extra']),
      base64url(['campaigns.newest', position.createdAt.toISOString()]),
      base64url({ createdAt: position.createdAt.toISOString(), id: position.id }),
      base64url(['campaigns.rate', 2 ** 40, position.id]),
      base64url(['campaigns.rate', -1, position.id]),
      base64url(['campaigns.rate', 1.5, position.id]),
      base64url(['campaigns.newest', `2026-01-01T00:00:00.000Z\u0000`, position.id]),
      Buffer.from([0xff, 0xfe, 0x00]).toString('base64url'),
      'A'.repeat(600),
    ];
    for (const cursor of forged) {
      expect(() => newest.decode(cursor), cursor).toThrow(InvalidCursorError);
      expect(() => byRate.decode(cursor), cursor).toThrow(InvalidCursorError);
    }
  });

  it('names the refusal invalid_cursor', () => {
    try {
      newest.decode('garbage');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCursorError);
      expect((error as InvalidCursorError).reason).toBe('invalid_cursor');
    }
  });
});
