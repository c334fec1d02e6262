import { createHash } from 'node:crypto';
import { hmacSha256Hex, safeEqual } from './hmac';
import type { StandInApp } from './stand-in-options';

/** Pusher refuses requests whose timestamp is further than this from its clock. */
export const MAX_CLOCK_SKEW_SECONDS = 600;

export interface SignedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  nowSeconds: number;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/**
 * Verifies the HTTP API's signature: `auth_signature` = HMAC-SHA256(secret,
 * "METHOD\npath\nsorted query without auth_signature"), with `body_md5` covering any body.
 */
export function checkRequestSignature(app: StandInApp, request: SignedRequest): SignatureCheck {
  const { query } = request;
  const signature = query.get('auth_signature');
  const timestamp = Number(query.get('auth_timestamp'));
  if (query.get('auth_key') !== app.key) return { valid: false, reason: 'Unknown auth_key' };
  if (!signature) return { valid: false, reason: 'Missing auth_signature' };
  if (query.get('auth_version') !== '1.0') return { valid: false, reason: 'auth_version must be 1.0' };
  if (!Number.isFinite(timestamp) || Math.abs(request.nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return {
      valid: false,
      reason: `Timestamp expired: auth_timestamp must be within ${MAX_CLOCK_SKEW_SECONDS} s of the server's clock`,
    };
  }
  if (request.body.length > 0) {
    const bodyMd5 = createHash('md5').update(request.body, 'utf8').digest('hex');
    if (query.get('body_md5') !== bodyMd5) return { valid: false, reason: 'body_md5 does not match the body' };
  }
  const expected = hmacSha256Hex(app.secret, stringToSign(request));
  if (!safeEqual(signature, expected)) return { valid: false, reason: 'Invalid signature' };
  return { valid: true };
}

function stringToSign({ method, path, query }: SignedRequest): string {
  const sortedQuery = [...query.entries()]
    .filter(([name]) => name !== 'auth_signature')
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return [method.toUpperCase(), path, sortedQuery].join('\n');
}
