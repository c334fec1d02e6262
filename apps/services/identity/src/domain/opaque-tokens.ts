import { createHash, randomBytes } from 'node:crypto';

/** Tokens we hand out (refresh, email links) are random; only their SHA-256 is stored. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
