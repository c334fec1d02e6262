import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { adminPermissionSchema, adminRoleSchema, userRoleSchema } from './roles';

export const ACCESS_TOKEN_ALGORITHM = 'ES256';
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export const accessTokenClaimsSchema = z.object({
  sub: z.string().uuid(),
  email: z.string(),
  role: userRoleSchema,
  adminRole: adminRoleSchema.optional(),
  permissions: z.array(adminPermissionSchema).default([]),
  exp: z.number(),
  /** When identity issued it (seconds): the gateway refuses tokens issued before a suspension. */
  iat: z.number(),
  jti: z.string().optional(),
  /**
   * The session (identity's refresh-token family) the token was issued for, so a person can end
   * their other sessions and keep this one. Tokens issued before it existed have none.
   */
  sid: z.string().uuid().optional(),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

export class InvalidAccessTokenError extends Error {
  constructor(
    message: string,
    readonly reason: 'expired' | 'invalid',
  ) {
    super(message);
    this.name = 'InvalidAccessTokenError';
  }
}

export interface AccessTokenVerifierOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** How many verified tokens to remember, so a hot path verifies each token's signature once. */
  cacheSize?: number;
  /** The clock expiry is checked against (a service's injected `now`); default: the wall clock. */
  now?: () => Date;
}

export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenClaims>;
}

export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions,
): AccessTokenVerifier {
  // jose refetches the key set when it meets an unknown `kid` (at most once a second), so a
  // rotation needs no restart.
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: 1_000,
    cacheMaxAge: 10 * 60_000,
  });
  return createAccessTokenVerifierWithKeys(keys, options);
}

export function createAccessTokenVerifierWithKeys(
  keys: JWTVerifyGetKey,
  options: Omit<AccessTokenVerifierOptions, 'jwksUrl'>,
): AccessTokenVerifier {
  const cacheSize = options.cacheSize ?? 10_000;
  const now = options.now ?? (() => new Date());
  const verified = new Map<string, AccessTokenClaims>();

  return {
    async verify(token) {
      const cached = verified.get(token);
      if (cached) {
        if (cached.exp * 1000 > now().getTime()) return cached;
        verified.delete(token);
        throw new InvalidAccessTokenError('The access token has expired.', 'expired');
      }
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          typ: ACCESS_TOKEN_TYPE,
          currentDate: now(),
        }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          throw new InvalidAccessTokenError('The access token has expired.', 'expired');
        }
        throw new InvalidAccessTokenError('The access token is not valid.', 'invalid');
      }
      const claims = accessTokenClaimsSchema.safeParse(payload);
      if (!claims.success) {
        throw new InvalidAccessTokenError(
          'The access token is missing required claims.',
          'invalid',
        );
      }
      if (verified.size >= cacheSize) {
        const oldest = verified.keys().next().value;
        if (oldest !== undefined) verified.delete(oldest);
      }
      verified.set(token, claims.data);
      return claims.data;
    },
  };
}

/** Reads a bearer token from an Authorization header value. */
export function bearerTokenFrom(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}
