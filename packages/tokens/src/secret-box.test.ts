import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SecretDecryptionError,
  createSecretBox,
  encryptionKeySettingsProblems,
  parseEncryptionKeys,
} from './secret-box';

const key = () => randomBytes(32);

describe('the secret box', () => {
  const keys = new Map([['k1', key()]]);
  const box = createSecretBox(keys, 'k1');

  it('round-trips a value and never stores the plaintext', () => {
    const envelope = box.encrypt('oauth-access-token-123', 'ctx');
    expect(envelope).toMatch(/^v1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(envelope).not.toContain('oauth-access-token-123');
    expect(box.decrypt(envelope, 'ctx')).toBe('oauth-access-token-123');
  });

  it('uses a fresh IV every time', () => {
    expect(box.encrypt('same', 'ctx')).not.toBe(box.encrypt('same', 'ctx'));
  });

  it('detects a tampered ciphertext, IV or tag', () => {
    const [version, keyId, iv, tag, ciphertext] = box
      .encrypt('payout details', 'ctx')
      .split('.') as [string, string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64url');
    };
    for (const tampered of [
      [version, keyId, iv, tag, flip(ciphertext)],
      [version, keyId, flip(iv), tag, ciphertext],
      [version, keyId, iv, flip(tag), ciphertext],
    ]) {
      expect(() => box.decrypt(tampered.join('.'), 'ctx')).toThrow(SecretDecryptionError);
    }
  });

  it('refuses an envelope moved to another context', () => {
    const envelope = box.encrypt('token of streamer A', 'platform.access_token:a:twitch');
    expect(() => box.decrypt(envelope, 'platform.access_token:b:twitch')).toThrow(/authentication/);
  });

  it('names an unknown key id', () => {
    const other = createSecretBox(new Map([['k9', key()]]), 'k9');
    expect(() => box.decrypt(other.encrypt('x', 'ctx'), 'ctx')).toThrow(/No encryption key "k9"/);
  });

  it('refuses what is not an envelope', () => {
    expect(() => box.decrypt('plain text', 'ctx')).toThrow(SecretDecryptionError);
    expect(() => box.decrypt('v2.k1.a.b.c', 'ctx')).toThrow(SecretDecryptionError);
  });

  it('keeps decrypting with an old key after rotation and encrypts with the new one', () => {
    const oldKey = key();
    const before = createSecretBox(new Map([['old', oldKey]]), 'old');
    const envelope = before.encrypt('refresh token', 'ctx');
    const after = createSecretBox(
      new Map([
        ['old', oldKey],
        ['new', key()],
      ]),
      'new',
    );
    expect(after.decrypt(envelope, 'ctx')).toBe('refresh token');
    expect(after.keyIdOf(envelope)).toBe('old');
    expect(after.keyIdOf(after.encrypt('refresh token', 'ctx'))).toBe('new');
  });

  it('needs the active key among the keys', () => {
    expect(() => createSecretBox(keys, 'missing')).toThrow(/active key "missing"/);
  });
});

describe('parsing STREAMER_ENCRYPTION_KEYS', () => {
  it('reads several keys', () => {
    const value = `a:${key().toString('base64')}, b-2:${key().toString('base64')}`;
    expect([...parseEncryptionKeys(value).keys()]).toEqual(['a', 'b-2']);
  });

  it.each([
    ['', /at least one key/],
    ['nokey', /keyId:base64/],
    [`a:${randomBytes(16).toString('base64')}`, /must be 32 bytes/],
    [`a:${key().toString('base64')},a:${key().toString('base64')}`, /listed twice/],
  ])('refuses %j', (value, message) => {
    expect(() => parseEncryptionKeys(value)).toThrow(message);
  });

  it('never echoes key material in its errors', () => {
    const short = randomBytes(16).toString('base64');
    let message = '';
    try {
      parseEncryptionKeys(`a:${short}`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/must be 32 bytes/);
    expect(message).not.toContain(short);
  });
});

describe("checking a service's key settings at start-up", () => {
  const development = `dev1:${key().toString('base64')}`;
  const check = (keys: string, activeKeyId: string, production = false) =>
    encryptionKeySettingsProblems({
      prefix: 'OVERLAY',
      keys,
      activeKeyId,
      developmentKeys: development,
      production,
    });

  it('accepts a list holding the active key', () => {
    expect(check(`k1:${key().toString('base64')}`, 'k1', true)).toEqual([]);
    expect(check(development, 'dev1')).toEqual([]);
  });

  it('names the variable of each problem', () => {
    expect(check('k1:short', 'k1')).toEqual([
      { variable: 'OVERLAY_ENCRYPTION_KEYS', message: 'key "k1" must be 32 bytes, base64-encoded' },
    ]);
    expect(check(development, 'k2', true)).toEqual([
      {
        variable: 'OVERLAY_ENCRYPTION_ACTIVE_KEY_ID',
        message: 'must name one of the keys in OVERLAY_ENCRYPTION_KEYS',
      },
      {
        variable: 'OVERLAY_ENCRYPTION_KEYS',
        message: 'set real keys in production (the development key is public)',
      },
    ]);
  });
});
