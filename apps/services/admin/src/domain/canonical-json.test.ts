import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('writes the same text whatever the key order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}',
    );
    expect(canonicalJson({ a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } }),
    );
  });

  it('drops undefined fields and keeps the order of arrays', () => {
    expect(canonicalJson({ a: undefined, b: [3, 1, 2] })).toBe('{"b":[3,1,2]}');
  });

  it('escapes keys and strings as JSON does', () => {
    expect(canonicalJson({ 'quote"key': 'line\nbreak' })).toBe('{"quote\\"key":"line\\nbreak"}');
  });
});
