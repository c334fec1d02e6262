import { createHash, randomBytes } from 'node:crypto';

const KEY_MARK = 'gto_';
const DISPLAYED_PREFIX_LENGTH = KEY_MARK.length + 6;

export interface GeneratedOverlayKey {
  key: string;
  hash: string;
  prefix: string;
}

/** A new secret overlay key (32 random bytes): only its hash and a short prefix are stored. */
export function generateOverlayKey(): GeneratedOverlayKey {
  const key = `${KEY_MARK}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashOverlayKey(key), prefix: key.slice(0, DISPLAYED_PREFIX_LENGTH) };
}

export function hashOverlayKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
