/** A parsed Stripe request body or query: every leaf is a string, `a[b][0]=c` nests. */
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

const MAX_DEPTH = 8;

/**
 * Parses `application/x-www-form-urlencoded` in the bracket style the Stripe SDKs send
 * (`metadata[k]=v`, `expand[0]=x`, `expand[]=x`). Numeric and empty brackets make arrays,
 * so `line_items[0][quantity]=1` gives `{ line_items: [{ quantity: '1' }] }`.
 */
export function parseFormBody(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const path = splitKey(rawKey);
    if (path) assign(root, path, value);
  }
  return finalizeArrays(root) as FormObject;
}

function splitKey(key: string): string[] | undefined {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match?.[1]) return undefined;
  const segments = [match[1]];
  for (const part of (match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)) segments.push(part[1] ?? '');
  return segments.length > MAX_DEPTH ? undefined : segments;
}

// Arrays are collected as objects keyed by index (or a running counter for `[]`) and turned
// into arrays at the end, so `a[1]=x&a[0]=y` keeps the indices' order rather than arrival order.
const ARRAY_MARK = Symbol('array');
type Collecting = FormObject & { [ARRAY_MARK]?: number };

function assign(target: Collecting, path: string[], value: string): void {
  let node: Collecting = target;
  for (let index = 0; index < path.length; index += 1) {
    let segment = path[index] ?? '';
    const isLast = index === path.length - 1;
    if (segment === '' || /^\d+$/.test(segment)) {
      node[ARRAY_MARK] = (node[ARRAY_MARK] ?? 0) + (segment === '' ? 1 : 0);
      if (segment === '') segment = `push${String(node[ARRAY_MARK]).padStart(6, '0')}`;
    }
    if (isLast) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
    node = node[segment] as Collecting;
  }
}

function finalizeArrays(node: FormValue): FormValue {
  if (typeof node === 'string' || Array.isArray(node)) return node;
  const collecting = node as Collecting;
  const entries = Object.entries(collecting).map(([key, child]) => [key, finalizeArrays(child)] as const);
  const isArray =
    collecting[ARRAY_MARK] !== undefined && entries.every(([key]) => /^(\d+|push\d+)$/.test(key));
  if (!isArray) return Object.fromEntries(entries);
  return entries
    .sort(([a], [b]) => arrayKeyOrder(a) - arrayKeyOrder(b))
    .map(([, child]) => child);
}

function arrayKeyOrder(key: string): number {
  return key.startsWith('push') ? 1_000_000 + Number(key.slice(4)) : Number(key);
}
