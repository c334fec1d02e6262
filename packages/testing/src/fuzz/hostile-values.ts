/** The values careless and hostile clients send, by the kind of field they land in. */

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const someUuid = '3f2b8c1e-5d4a-4b6f-9a7e-1c2d3e4f5a6b';

export function hostileStrings(max: number): string[] {
  return [
    '',
    '   ',
    '\u0000',
    'café\u0000latte',
    'line\u0007bell\u001bescape',
    '\u0085next line',
    '\uD800',
    'lone \uDFFF surrogate',
    '\u202Eevil right-to-left',
    "'; DROP TABLE users; --",
    '%00%ff',
    '../../etc/passwd',
    'x'.repeat(max + 1),
    '🎮'.repeat(Math.min(Math.ceil((max + 1) / 2), 5_000)),
    'y'.repeat(20_000),
    'not-a-uuid',
    `${someUuid}\u0000`,
  ];
}

export function hostileNumbers(): unknown[] {
  return [
    -1,
    -0,
    0.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    Number.POSITIVE_INFINITY,
    Number.NaN,
    '12',
    null,
  ];
}

export function hostileDates(): unknown[] {
  return [
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date(Number.NaN),
    new Date('1970-01-01T00:00:00Z'),
    new Date('1999-12-31T23:59:59.999Z'),
    new Date('2101-01-01T00:00:00Z'),
    new Date('+100000-01-01T00:00:00Z'),
    '2026-13-45',
    '+275760-09-13T00:00:00.000Z',
    0,
  ];
}

/** Cursors no service made, or made for another list, shaped like the real ones. */
export function forgedCursors(): string[] {
  return [
    'nonsense',
    'AAAA',
    base64url(['campaigns.created', 'yesterday', someUuid]),
    base64url(['campaigns.created', '+275760-09-13T00:00:00.000Z', someUuid]),
    base64url(['discovery.rateCents', 99_999_999_999, someUuid]),
    base64url(['discovery.rateCents', 10, 'not-a-uuid']),
    base64url([new Date(8.64e15).toISOString(), someUuid]),
    base64url(['x\u0000', someUuid]),
    base64url({ createdAt: '2026-01-01', id: someUuid }),
    `${base64url(['participation.newest', '2026-01-01T00:00:00.000Z', someUuid])}\u0000`,
  ];
}

/** A whole input of the wrong shape. */
export function wrongShapes(): unknown[] {
  return [null, 'a string', 42, [], [{}], { nested: { deeper: { deepest: ['x'] } } }, true];
}
