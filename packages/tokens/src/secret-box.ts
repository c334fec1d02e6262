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

/**
 * The start-up check of a service's at-rest keys, `<prefix>_ENCRYPTION_KEYS` and
 * `<prefix>_ENCRYPTION_ACTIVE_KEY_ID`: the list parses, holds the active key, and production does not
 * run on the public development list. Each problem names the variable it is about.
 */
export function encryptionKeySettingsProblems(settings: {
  prefix: string;
  keys: string;
  activeKeyId: string;
  developmentKeys: string;
  production: boolean;
}): Array<{ variable: string; message: string }> {
  const keysVariable = `${settings.prefix}_ENCRYPTION_KEYS`;
  let keys: Map<string, Buffer>;
  try {
    keys = parseEncryptionKeys(settings.keys);
  } catch (error) {
    return [{ variable: keysVariable, message: (error as Error).message }];
  }
  const problems: Array<{ variable: string; message: string }> = [];
  if (!keys.has(settings.activeKeyId)) {
    problems.push({
      variable: `${settings.prefix}_ENCRYPTION_ACTIVE_KEY_ID`,
      message: `must name one of the keys in ${keysVariable}`,
    });
  }
  if (settings.production && settings.keys === settings.developmentKeys) {
    problems.push({
      variable: keysVariable,
      message: 'set real keys in production (the development key is public)',
    });
  }
  return problems;
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
