import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const ENCRYPTION_KEY_BYTES = 32;

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretDecryptionError';
  }
}

/**
 * Parses a service's `<SERVICE>_ENCRYPTION_KEYS`: `keyId:base64-of-32-bytes,keyId2:…`. Throws with
 * a message naming the bad entry (never the key material).
 */
export function parseEncryptionKeys(value: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const keyId = separator > 0 ? entry.slice(0, separator) : '';
    if (!/^[\w-]{1,32}$/.test(keyId)) {
      throw new Error('each key must be `keyId:base64` with a key id of letters, digits, _ or -');
    }
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== ENCRYPTION_KEY_BYTES) {
      throw new Error(`key "${keyId}" must be ${ENCRYPTION_KEY_BYTES} bytes, base64-encoded`);
    }
    if (keys.has(keyId)) throw new Error(`key "${keyId}" is listed twice`);
    keys.set(keyId, key);
  }
  if (keys.size === 0) throw new Error('list at least one key');
  return keys;
}

export interface SecretBox {
  readonly activeKeyId: string;
  /**
   * Encrypts with the active key. `context` (e.g. `payout:<streamerId>`) is authenticated but not
   * stored, so a ciphertext copied to another row or column no longer decrypts.
   */
  encrypt(plaintext: string, context: string): string;
  decrypt(envelope: string, context: string): string;
  keyIdOf(envelope: string): string;
}

/**
 * AES-256-GCM with a random 12-byte IV per value, stored as `v1.<keyId>.<iv>.<tag>.<ciphertext>`
 * (base64url). Decryption uses the key id in the envelope, so old keys keep working after the
 * active one changes until the service has re-encrypted every row.
 */
export function createSecretBox(keys: ReadonlyMap<string, Buffer>, activeKeyId: string): SecretBox {
  const activeKey = keys.get(activeKeyId);
  if (!activeKey) throw new Error(`the active key "${activeKeyId}" is not among the keys`);

  function parts(envelope: string) {
    const [version, keyId, iv, tag, ciphertext, ...rest] = envelope.split('.');
    if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined || rest.length) {
      throw new SecretDecryptionError('The value is not an encrypted envelope.');
    }
    return { keyId, iv, tag, ciphertext };
  }

  return {
    activeKeyId,
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', activeKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        VERSION,
        activeKeyId,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        ciphertext.toString('base64url'),
      ].join('.');
    },
    decrypt(envelope, context) {
      const { keyId, iv, tag, ciphertext } = parts(envelope);
      const key = keys.get(keyId);
      if (!key) throw new SecretDecryptionError(`No encryption key "${keyId}" is configured.`);
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
        throw new SecretDecryptionError('The encrypted value is malformed.');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new SecretDecryptionError('The encrypted value failed authentication.');
      }
    },
    keyIdOf(envelope) {
      return parts(envelope).keyId;
    },
  };
}
