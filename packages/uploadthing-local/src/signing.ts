import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * UploadThing's signatures: `hmac-sha256=<hex HMAC-SHA256 keyed with the apiKey>`, over a callback's
 * raw body or over a URL up to (not including) its `&signature=` parameter.
 */
const PREFIX = 'hmac-sha256=';

export function signPayload(payload: string, apiKey: string): string {
  return `${PREFIX}${createHmac('sha256', apiKey).update(payload).digest('hex')}`;
}

export function signatureMatches(payload: string, signature: string | null, apiKey: string): boolean {
  if (signature === null || !signature.startsWith(PREFIX)) return false;
  const given = Buffer.from(signature.slice(PREFIX.length), 'hex');
  const expected = createHmac('sha256', apiKey).update(payload).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The SDK's `generateSignedURL`: `expires` in epoch ms, then each data value URL-encoded (again, by searchParams). */
export function signUrl(url: string, apiKey: string, expiresAtMs: number, data: Record<string, string> = {}): string {
  const parsed = new URL(url);
  parsed.searchParams.append('expires', String(expiresAtMs));
  for (const [name, value] of Object.entries(data)) parsed.searchParams.append(name, encodeURIComponent(value));
  parsed.searchParams.append('signature', signPayload(parsed.toString(), apiKey));
  return parsed.href;
}

export type SignedUrlCheck =
  | { ok: true; params: URLSearchParams }
  | { ok: false; status: 403; reason: 'missing signature' | 'invalid signature' | 'expired' };

/**
 * Checks a signed URL as it arrived: `origin` (scheme and Host header) plus the raw request target,
 * so the signed text is compared byte for byte, without re-encoding the query.
 */
export function checkSignedUrl(origin: string, rawTarget: string, apiKey: string, nowMs: number): SignedUrlCheck {
  const at = rawTarget.lastIndexOf('&signature=');
  if (at === -1) return { ok: false, status: 403, reason: 'missing signature' };
  const params = new URL(rawTarget, origin).searchParams;
  if (!signatureMatches(`${origin}${rawTarget.slice(0, at)}`, params.get('signature'), apiKey)) {
    return { ok: false, status: 403, reason: 'invalid signature' };
  }
  const expires = Number(params.get('expires'));
  if (!Number.isFinite(expires) || expires <= nowMs) return { ok: false, status: 403, reason: 'expired' };
  return { ok: true, params };
}

/** A signed URL's `x-ut-*` values, decoded the second time. */
export function signedValue(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  return raw === null ? undefined : decodeURIComponent(raw);
}
