import { SignJWT, errors, jwtVerify } from 'jose';
import { z } from 'zod';

/**
 * Service credentials: short-lived HS256 tokens signed with the secret every internal caller shares
 * (services and the portals' servers). They travel in their own header; only servers hold the
 * secret, so a browser can never mint one, and every receiver verifies it.
 */
export const SERVICE_TOKEN_HEADER = 'x-service-token';

/** The legacy importer's service name (`pnpm import:legacy`, issue 14): import procedures admit it alone. */
export const LEGACY_IMPORTER_SERVICE = 'legacy-importer';

const serviceClaimsSchema = z.object({ sub: z.string().startsWith('service:'), exp: z.number() });

function keyOf(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('The service secret must be at least 32 characters.');
  return new TextEncoder().encode(secret);
}

export async function signServiceToken(secret: string, service: string, ttlSeconds = 60) {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'service+jwt' })
    .setSubject(`service:${service}`)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyOf(secret));
}

/** Returns the calling service's name, or undefined when the token is not a valid service token. */
export async function verifyServiceToken(
  secret: string,
  token: string,
): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      typ: 'service+jwt',
    });
    const claims = serviceClaimsSchema.safeParse(payload);
    return claims.success ? claims.data.sub.slice('service:'.length) : undefined;
  } catch (error) {
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
}

/** Keeps one signed token per service and renews it before it expires. */
export function createServiceTokenSource(secret: string, service: string) {
  let current: { token: string; renewAt: number } | undefined;
  return async (): Promise<string> => {
    if (!current || Date.now() >= current.renewAt) {
      current = { token: await signServiceToken(secret, service), renewAt: Date.now() + 30_000 };
    }
    return current.token;
  };
}
