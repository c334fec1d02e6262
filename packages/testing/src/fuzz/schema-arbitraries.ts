import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { z } from 'zod';
import {
  hostileDates,
  hostileNumbers,
  hostileStrings,
  forgedCursors,
  wrongShapes,
} from './hostile-values';

/**
 * Inputs for one procedure, read off its zod 4 input schema: `valid` follows every rule the schema
 * states (lengths, formats, bounds, enums); `hostile` is a valid input with one part replaced by its
 * nastiest neighbour (control characters, lone surrogates, huge strings, extreme numbers and dates,
 * unknown and foreign ids, forged cursors, the wrong type).
 */
export interface InputArbitraries {
  valid: Arbitrary<unknown>;
  hostile: Arbitrary<unknown>;
}

export interface ArbitraryContext {
  /** Ids that exist in the service's database (own and other people's), for id fields. */
  knownIds: readonly string[];
  /** Cursors the service handed out, for `cursor` fields (from any list: a foreign one must be refused). */
  knownCursors: readonly string[];
  /** The instant the service's clock shows: dates are drawn around it as well as across the range. */
  now: Date;
}

interface ZodDef {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  [key: string]: unknown;
}

const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def;
const checksOf = (def: ZodDef) => (def.checks ?? []).map((check) => check._zod.def);

const DAY_MS = 86_400_000;
const words = [
  'Nova',
  'Lumen',
  'energy',
  'drink',
  'stream',
  'launch',
  'Über',
  '東京',
  'café',
  'retro',
];

function lengthBounds(def: ZodDef) {
  let min = 0;
  let max = 40;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Number(check.minimum);
    if (check.check === 'max_length') max = Number(check.maximum);
    if (check.check === 'length_equals') min = max = Number(check.length);
  }
  return { min, max: Math.max(min, max) };
}

function plainText(min: number, max: number): Arbitrary<string> {
  const upTo = Math.min(max, Math.max(min, 60));
  return fc
    .array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(' '))
    .map((text) => (text.length < min ? text.padEnd(min, 'x') : text).slice(0, upTo));
}

function stringFormat(def: ZodDef, context: ArbitraryContext): Arbitrary<string> | undefined {
  const format =
    (def.format as string | undefined) ?? checksOf(def).find((check) => check.format)?.format;
  switch (format) {
    case 'uuid':
    case 'guid':
      return context.knownIds.length
        ? fc.oneof(fc.constantFrom(...context.knownIds), fc.uuid({ version: 4 }))
        : fc.uuid({ version: 4 });
    case 'email':
      return fc.nat({ max: 9_999 }).map((n) => `person${n}@example.com`);
    case 'url':
      return fc.constantFrom('https://example.com', 'https://brand.example.com/offer?ref=stream');
    case 'datetime':
      return dateAround(context).map((date) => date.toISOString());
    case 'date':
      return dateAround(context).map((date) => date.toISOString().slice(0, 10));
    case 'regex': {
      const pattern = (def.pattern ??
        checksOf(def).find((check) => check.pattern)?.pattern) as RegExp;
      return fc.stringMatching(pattern, { size: 'xsmall' });
    }
    case undefined:
      return undefined;
    default: {
      const pattern = def.pattern as RegExp | undefined;
      return pattern ? fc.stringMatching(pattern, { size: 'xsmall' }) : undefined;
    }
  }
}

function dateAround(context: ArbitraryContext, bounds?: { min: Date; max: Date }): Arbitrary<Date> {
  const min = bounds?.min ?? new Date('2000-01-01T00:00:00Z');
  const max = bounds?.max ?? new Date('2100-12-31T00:00:00Z');
  const nearMin = new Date(Math.max(min.getTime(), context.now.getTime() - 30 * DAY_MS));
  const nearMax = new Date(Math.min(max.getTime(), context.now.getTime() + 90 * DAY_MS));
  const near =
    nearMin < nearMax ? fc.date({ min: nearMin, max: nearMax, noInvalidDate: true }) : undefined;
  const anywhere = fc.date({ min, max, noInvalidDate: true });
  return near
    ? fc.oneof({ arbitrary: near, weight: 3 }, { arbitrary: anywhere, weight: 1 })
    : anywhere;
}

function numberBounds(def: ZodDef) {
  let min = -1_000_000;
  let max = 1_000_000;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'number_format') integer = String(check.format).includes('int');
    if (check.check === 'greater_than') min = Number(check.value) + (check.inclusive ? 0 : 1);
    if (check.check === 'less_than') max = Number(check.value) - (check.inclusive ? 0 : 1);
  }
  return { min, max: Math.max(min, max), integer };
}

function dateBounds(def: ZodDef) {
  let min: Date | undefined;
  let max: Date | undefined;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than') min = new Date(check.value as Date);
    if (check.check === 'less_than') max = new Date(check.value as Date);
  }
  return min && max ? { min, max } : undefined;
}

/** Object parts merged, as an intersection or several `.input()`s see them; anything else is kept as is. */
const mergeObjects = (values: unknown[]): unknown =>
  values.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
    ? Object.assign({}, ...values)
    : values.find((value) => typeof value !== 'object' || value === null || Array.isArray(value));

const leaf = (valid: Arbitrary<unknown>, hostile: readonly unknown[]): InputArbitraries => ({
  valid,
  hostile: fc.constantFrom(...hostile),
});

/** Where a schema's input side is: a pipe is fed through its first stage, unless that is plain text. */
function inputSide(def: ZodDef): ZodDef {
  const inner = defOf(def.in);
  const outer = defOf(def.out);
  const innerIsPlainText = inner.type === 'string' && !inner.format;
  return innerIsPlainText && outer.type === 'string' && outer.format ? outer : inner;
}

export function arbitrariesFor(
  schema: unknown,
  context: ArbitraryContext,
  key = '',
): InputArbitraries {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const { min, max } = lengthBounds(def);
      const formatted = stringFormat(def, context);
      if (key.toLowerCase().includes('cursor')) {
        const handedOut = context.knownCursors.length
          ? [fc.constantFrom(...context.knownCursors)]
          : [];
        return leaf(fc.oneof(plainText(min, max), ...handedOut), [
          ...forgedCursors(),
          ...hostileStrings(max),
        ]);
      }
      const ids = def.format === 'uuid' ? [...context.knownIds.slice(0, 5)] : [];
      return leaf(formatted ?? plainText(min, max), [...hostileStrings(max), ...ids]);
    }
    case 'number':
    case 'int': {
      const { min, max, integer } = numberBounds(def);
      const valid = integer
        ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return leaf(valid, [...hostileNumbers(), min - 1, max + 1]);
    }
    case 'bigint':
      return leaf(fc.bigInt({ min: 0n, max: 1_000_000n }), [-1n, 2n ** 64n, 'x']);
    case 'boolean':
      return leaf(fc.boolean(), ['true', 1, null]);
    case 'date':
      return leaf(dateAround(context, dateBounds(def)), hostileDates());
    case 'enum':
      return leaf(fc.constantFrom(...Object.values(def.entries as Record<string, unknown>)), [
        '',
        'NOT_A_VALUE',
        0,
      ]);
    case 'literal':
      return leaf(fc.constantFrom(...(def.values as unknown[])), ['not-the-literal', null]);
    case 'null':
      return leaf(fc.constant(null), ['null']);
    case 'undefined':
    case 'void':
      return leaf(fc.constant(undefined), ['x']);
    case 'any':
    case 'unknown':
      return leaf(fc.jsonValue({ maxDepth: 2 }), wrongShapes());
    case 'optional':
    case 'nonoptional': {
      const inner = arbitrariesFor(def.innerType, context, key);
      return { valid: fc.option(inner.valid, { nil: undefined, freq: 4 }), hostile: inner.hostile };
    }
    case 'nullable': {
      const inner = arbitrariesFor(def.innerType, context, key);
      return { valid: fc.option(inner.valid, { nil: null, freq: 4 }), hostile: inner.hostile };
    }
    case 'default':
    case 'prefault':
    case 'catch': {
      const inner = arbitrariesFor(def.innerType, context, key);
      return { valid: fc.option(inner.valid, { nil: undefined, freq: 3 }), hostile: inner.hostile };
    }
    case 'readonly':
    case 'success':
      return arbitrariesFor(def.innerType, context, key);
    case 'lazy':
      return arbitrariesFor((def.getter as () => unknown)(), context, key);
    case 'pipe': {
      const side = inputSide(def);
      return arbitrariesFor({ _zod: { def: side } }, context, key);
    }
    case 'transform':
      return leaf(fc.constant(undefined), wrongShapes());
    case 'union': {
      const options = (def.options as unknown[]).map((option) =>
        arbitrariesFor(option, context, key),
      );
      return {
        valid: fc.oneof(...options.map((option) => option.valid)),
        hostile: fc.oneof(...options.map((option) => option.hostile)),
      };
    }
    case 'intersection': {
      const left = arbitrariesFor(def.left, context, key);
      const right = arbitrariesFor(def.right, context, key);
      const both = (a: Arbitrary<unknown>, b: Arbitrary<unknown>) =>
        fc.tuple(a, b).map(mergeObjects);
      return {
        valid: both(left.valid, right.valid),
        hostile: fc.oneof(both(left.hostile, right.valid), both(left.valid, right.hostile)),
      };
    }
    case 'array': {
      const { min, max } = lengthBounds({ ...def, checks: def.checks });
      const element = arbitrariesFor(def.element, context, key);
      const cap = Math.min(max, 5);
      return {
        valid: fc.array(element.valid, { minLength: min, maxLength: Math.max(min, cap) }),
        hostile: fc.oneof(
          fc
            .array(element.valid, { minLength: min, maxLength: Math.max(min, cap) })
            .chain((items) => element.hostile.map((bad) => [...items, bad])),
          fc.constant(Array.from({ length: max + 1 }, () => null)),
          fc.constantFrom(...wrongShapes()),
        ),
      };
    }
    case 'tuple': {
      const items = (def.items as unknown[]).map((item) => arbitrariesFor(item, context, key));
      return {
        valid: fc.tuple(...items.map((item) => item.valid)),
        hostile: fc.oneof(
          ...items.map((_, index) =>
            fc.tuple(...items.map((item, other) => (other === index ? item.hostile : item.valid))),
          ),
          fc.constantFrom(...wrongShapes()),
        ),
      };
    }
    case 'record': {
      const values = arbitrariesFor(def.valueType, context, key);
      const keys = arbitrariesFor(def.keyType, context, key);
      return {
        valid: fc.dictionary(keys.valid as Arbitrary<string>, values.valid, { maxKeys: 3 }),
        hostile: fc.oneof(
          fc.dictionary(fc.string({ maxLength: 8 }), values.hostile, { minKeys: 1, maxKeys: 2 }),
          fc.constantFrom(...wrongShapes()),
        ),
      };
    }
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const fields = Object.entries(shape).map(
        ([name, field]) => [name, arbitrariesFor(field, context, name)] as const,
      );
      const record = (pick: (name: string, field: InputArbitraries) => Arbitrary<unknown>) =>
        fc
          .tuple(...fields.map(([name, field]) => pick(name, field)))
          .map((values: unknown[]) =>
            Object.fromEntries(
              fields
                .map(([name], index) => [name, values[index]] as const)
                .filter(([, value]) => value !== undefined),
            ),
          );
      const valid = fields.length ? record((_, field) => field.valid) : fc.constant({});
      const oneBadField = fields.map(([badName]) =>
        record((name, field) => (name === badName ? field.hostile : field.valid)),
      );
      return {
        valid,
        hostile: fc.oneof(
          ...oneBadField,
          valid.map((value) => ({ ...value, unexpectedField: 'x'.repeat(10) })),
          fc.constantFrom(...wrongShapes()),
        ),
      };
    }
    default:
      return leaf(fc.constant(undefined), wrongShapes());
  }
}

/**
 * Refinements across fields (a range's end after its start) are beyond what a schema's parts tell:
 * of a few candidates, the first the whole schema accepts is the valid input.
 */
function acceptedByAll(
  inputs: readonly z.ZodType[],
  candidates: Arbitrary<unknown>,
): Arbitrary<unknown> {
  return fc
    .array(candidates, { minLength: 16, maxLength: 16 })
    .map(
      (values) =>
        values.find((value) => inputs.every((input) => input.safeParse(value).success)) ??
        values[0],
    );
}

/** The arbitraries of a procedure's input: tRPC merges several `.input()` object schemas. */
export function procedureInputArbitraries(
  inputs: readonly z.ZodType[],
  context: ArbitraryContext,
): InputArbitraries {
  const { valid, hostile } = unrefinedInputArbitraries(inputs, context);
  return { valid: acceptedByAll(inputs, valid), hostile };
}

function unrefinedInputArbitraries(
  inputs: readonly z.ZodType[],
  context: ArbitraryContext,
): InputArbitraries {
  if (inputs.length === 0) {
    return { valid: fc.constant(undefined), hostile: fc.constantFrom(...wrongShapes()) };
  }
  if (inputs.length === 1) return arbitrariesFor(inputs[0], context);
  const parts = inputs.map((input) => arbitrariesFor(input, context));
  return {
    valid: fc.tuple(...parts.map((part) => part.valid)).map(mergeObjects),
    hostile: fc.oneof(
      ...parts.map((_, index) =>
        fc
          .tuple(...parts.map((part, other) => (other === index ? part.hostile : part.valid)))
          .map(mergeObjects),
      ),
    ),
  };
}
