import { createHmac } from 'node:crypto';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * A service credential (HS256, `typ: service+jwt`, `sub: service:<name>`) as
 * `@gametriggers/tokens` signs and verifies it; the portal does not depend on that package.
 */
export function signServiceToken(secret: string, service: string, ttlSeconds = 60): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'service+jwt' }));
  const payload = base64url(
    JSON.stringify({ sub: `service:${service}`, iat: now, exp: now + ttlSeconds }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
