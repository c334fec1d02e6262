import { z } from 'zod';

// Every string a person or a client sends goes through one of these: PostgreSQL refuses U+0000 in
// text (a 500 if it reaches the database), other control characters and broken UTF-16 (a lone
// surrogate) are never meant in a name or a message, and an unbounded string is a slow request.

/** C0 controls and DEL, except tab, line feed and carriage return; and the C1 controls. */
const CONTROL_EXCEPT_LINE_BREAKS = /(?![\t\n\r])\p{Cc}/u;
/** Every C0/C1 control, line breaks and tabs included. */
const ANY_CONTROL = /\p{Cc}/u;
/** Half of a surrogate pair without its other half: not a character at all. */
const LONE_SURROGATE = /\p{Cs}/u;

function refusesBrokenText(pattern: RegExp, what: string) {
  return (value: string) => {
    if (LONE_SURROGATE.test(value)) return `${what} contains a broken character; type it again`;
    if (pattern.test(value)) return `${what} cannot contain control characters`;
    return undefined;
  };
}

export interface TextLimits {
  /** How the field is named in messages: `the title`, `your company name`. */
  what: string;
  max: number;
  /** Defaults to 0 (empty allowed after trimming). */
  min?: number;
  tooShort?: string;
  tooLong?: string;
  /** When the value is missing or not a string. */
  required?: string;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function boundedText(limits: TextLimits, pattern: RegExp) {
  const broken = refusesBrokenText(pattern, capitalised(limits.what));
  let schema = z
    .string({ error: limits.required ?? `Enter ${limits.what}` })
    .check((context) => {
      const problem = broken(context.value);
      if (problem) context.issues.push({ code: 'custom', message: problem, input: context.value });
    })
    .normalize('NFC')
    .trim()
    .max(limits.max, limits.tooLong ?? `Keep ${limits.what} to ${limits.max} characters or fewer`);
  if (limits.min) {
    schema = schema.min(
      limits.min,
      limits.tooShort ??
        (limits.min === 1
          ? `Enter ${limits.what}`
          : `Use at least ${limits.min} characters for ${limits.what}`),
    );
  }
  return schema;
}

/** A name, a title, a search box: one line, trimmed, NFC, no control characters, bounded. */
export function lineTextSchema(limits: TextLimits) {
  return boundedText(limits, ANY_CONTROL);
}

/** A description or a message: line breaks and tabs allowed, other control characters not. */
export function paragraphTextSchema(limits: TextLimits) {
  return boundedText(limits, CONTROL_EXCEPT_LINE_BREAKS);
}

/**
 * A password as typed: kept exactly (not trimmed or normalised, or existing hashes would stop
 * matching), bounded, and refusing control characters and broken characters, which no keyboard
 * types and which would hash ambiguously.
 */
export function passwordTextSchema(limits: {
  what: string;
  min: number;
  max: number;
  tooShort?: string;
}) {
  const broken = refusesBrokenText(ANY_CONTROL, capitalised(limits.what));
  return z
    .string({ error: `Enter ${limits.what}` })
    .min(limits.min, limits.tooShort ?? `Use at least ${limits.min} characters for ${limits.what}`)
    .max(limits.max, `Keep ${limits.what} to ${limits.max} characters or fewer`)
    .check((context) => {
      const problem = broken(context.value);
      if (problem) context.issues.push({ code: 'custom', message: problem, input: context.value });
    });
}

/**
 * What a program sends rather than a person types (tokens, keys, codes, provider ids): printable
 * ASCII only, not trimmed, bounded.
 */
export function opaqueStringSchema(options: { what: string; min?: number; max: number }) {
  return z
    .string({ error: `The ${options.what} is missing` })
    .min(options.min ?? 1, `The ${options.what} is missing`)
    .max(options.max, `The ${options.what} is too long`)
    .regex(/^[\x21-\x7E]*$/, `The ${options.what} is not valid`);
}

/** An optional search box: empty or blank means no search. */
export function searchTextSchema(max = 100) {
  return lineTextSchema({ what: 'the search', max })
    .optional()
    .transform((value) => (value ? value : undefined));
}

/**
 * A web address a person gives: `https://` on a real domain name (no IP addresses, no localhost),
 * bounded, without control characters.
 */
export function httpsUrlSchema(options: { what: string; max?: number; allowHttp?: boolean }) {
  const max = options.max ?? 2048;
  return lineTextSchema({ what: options.what, max, min: 1 }).pipe(
    z.url({
      protocol: options.allowHttp ? /^https?$/ : /^https$/,
      hostname: z.regexes.domain,
      error: `Enter ${options.what} as a full ${options.allowHttp ? '' : 'https:// '}address, like https://example.com`,
    }),
  );
}
