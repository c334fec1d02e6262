import { describe, expect, it } from 'vitest';
import { generateOverlayKey, hashOverlayKey } from './overlay-keys';

describe('overlay keys', () => {
  it('are long, URL-safe, different each time, and stored only as a hash with a short prefix', () => {
    const first = generateOverlayKey();
    const second = generateOverlayKey();
    expect(first.key).toMatch(/^gto_[A-Za-z0-9_-]{43}$/);
    expect(first.key).not.toBe(second.key);
    expect(first.hash).toBe(hashOverlayKey(first.key));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.key.startsWith(first.prefix)).toBe(true);
    expect(first.prefix.length).toBeLessThan(12);
  });
});
