import { randomBytes } from 'node:crypto';
import { SecretDecryptionError, createSecretBox } from '@gametriggers/tokens/secret-box';
import { describe, expect, it } from 'vitest';
import { decryptOverlayKey, encryptOverlayKey, generateOverlayKey, hashOverlayKey } from './overlay-keys';

describe('overlay keys', () => {
  it('are long, URL-safe, different each time, and looked up by a hash with a short prefix', () => {
    const first = generateOverlayKey();
    const second = generateOverlayKey();
    expect(first.key).toMatch(/^gto_[A-Za-z0-9_-]{43}$/);
    expect(first.key).not.toBe(second.key);
    expect(first.hash).toBe(hashOverlayKey(first.key));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.key.startsWith(first.prefix)).toBe(true);
    expect(first.prefix.length).toBeLessThan(12);
  });

  it('are encrypted for their streamer only: the envelope names its key id and holds no key', () => {
    const box = createSecretBox(new Map([['k1', randomBytes(32)]]), 'k1');
    const { key } = generateOverlayKey();
    const envelope = encryptOverlayKey(box, 'streamer-a', key);
    expect(envelope).toMatch(/^v1\.k1\./);
    expect(envelope).not.toContain(key.slice(4));
    expect(decryptOverlayKey(box, 'streamer-a', envelope)).toBe(key);
    expect(() => decryptOverlayKey(box, 'streamer-b', envelope)).toThrow(SecretDecryptionError);
  });
});
