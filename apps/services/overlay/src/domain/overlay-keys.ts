import { createHash, randomBytes } from 'node:crypto';
import type { SecretBox } from '@gametriggers/tokens/secret-box';

const KEY_MARK = 'gto_';
const DISPLAYED_PREFIX_LENGTH = KEY_MARK.length + 6;

export interface GeneratedOverlayKey {
  key: string;
  hash: string;
  prefix: string;
}

/** A new secret overlay key (32 random bytes), with the hash it is looked up by and a short prefix. */
export function generateOverlayKey(): GeneratedOverlayKey {
  const key = `${KEY_MARK}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashOverlayKey(key), prefix: key.slice(0, DISPLAYED_PREFIX_LENGTH) };
}

export function hashOverlayKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Authenticated with the ciphertext (not stored): a key's envelope copied onto another streamer's
 * overlay does not decrypt there.
 */
const overlayKeyContext = (streamerId: string) => `overlay.key:${streamerId}`;

/** The key as stored at rest: an AES-256-GCM envelope naming the encryption key it used. */
export function encryptOverlayKey(secrets: SecretBox, streamerId: string, key: string): string {
  return secrets.encrypt(key, overlayKeyContext(streamerId));
}

export function decryptOverlayKey(secrets: SecretBox, streamerId: string, envelope: string): string {
  return secrets.decrypt(envelope, overlayKeyContext(streamerId));
}
