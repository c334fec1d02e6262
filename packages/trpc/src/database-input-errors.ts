/**
 * The last line of defence behind the input schemas: errors with which PostgreSQL (through Prisma's
 * pg adapter, or `pg` directly) refuses a *value* — text it cannot store, a number or date that does
 * not fit its column — mean an input reached the database that the contract should have refused.
 * They are the caller's mistake (400), and our contract gap (logged), never a 500.
 */

/** SQLSTATEs of values that do not fit, with what a person is told. */
const refusedValueByState: Record<string, string> = {
  '22001': 'a text is too long',
  '22003': 'a number is out of range',
  '22007': 'a date is not valid',
  '22008': 'a date is out of range',
  '22021': 'a text contains a character that cannot be stored',
  '22P02': 'a value is not in the expected format',
  '22P05': 'a text contains a character that cannot be stored',
  '54000': 'a value is too large',
};

/** Prisma's own codes for the same refusals. */
const refusedValueByPrismaCode: Record<string, string> = {
  P2000: 'a text is too long',
  P2020: 'a number is out of range',
  P2033: 'a number is out of range',
};

/** Prisma refuses these before they reach PostgreSQL, with an unknown-request or validation error. */
const refusedValueByPrismaMessage: Array<[RegExp, string]> = [
  [/Could not convert argument value .*"DateTime"/s, 'a date is out of range'],
  [/Provided Date object is invalid/, 'a date is not valid'],
  [/Unable to fit (integer|float) value/, 'a number is out of range'],
];

interface ErrorLike {
  code?: unknown;
  originalCode?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

function* errorChain(error: unknown): Generator<ErrorLike> {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0 && seen.size < 10) {
    const current = pending.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const like = current as ErrorLike;
    yield like;
    pending.push(like.cause, like.meta?.driverAdapterError);
  }
}

const isPrismaError = (error: ErrorLike) =>
  typeof error.name === 'string' && error.name.startsWith('PrismaClient');

/** What was wrong with the value, when `error` is the database refusing an input; else undefined. */
export function refusedDatabaseValue(error: unknown): string | undefined {
  for (const link of errorChain(error)) {
    for (const state of [link.originalCode, link.code]) {
      if (typeof state === 'string' && refusedValueByState[state]) return refusedValueByState[state];
    }
    if (typeof link.code === 'string' && isPrismaError(link) && refusedValueByPrismaCode[link.code]) {
      return refusedValueByPrismaCode[link.code];
    }
    if (isPrismaError(link) && typeof link.message === 'string') {
      const message = link.message;
      const match = refusedValueByPrismaMessage.find(([pattern]) => pattern.test(message));
      if (match) return match[1];
    }
  }
  return undefined;
}
