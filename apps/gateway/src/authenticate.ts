import type { IncomingHttpHeaders } from 'node:http';
import type { AccessTokenClaims, AccessTokenVerifier } from '@gametriggers/tokens';
import {
  InvalidAccessTokenError,
  SERVICE_TOKEN_HEADER,
  bearerTokenFrom,
  verifyServiceToken,
} from '@gametriggers/tokens';
import { Refusal } from './error-response';
import type { Domain } from './routes';
import { domainRoutes } from './routes';

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; claims: AccessTokenClaims }
  | { kind: 'service'; service: string };

/**
 * Who is calling: a service (valid `x-service-token`), a person (valid bearer token) or nobody.
 * A credential that is presented but not valid is refused even on public routes, so a stale
 * token is noticed (and refreshed) by the portal instead of silently acting anonymous.
 */
export async function authenticate(
  headers: IncomingHttpHeaders,
  accessTokens: AccessTokenVerifier,
  serviceSecret: string,
): Promise<Caller> {
  const serviceToken = headers[SERVICE_TOKEN_HEADER];
  if (typeof serviceToken === 'string') {
    const service = await verifyServiceToken(serviceSecret, serviceToken);
    if (!service) {
      throw new Refusal(
        'UNAUTHORIZED',
        'invalid_service_token',
        'The service credential is not valid.',
      );
    }
    return { kind: 'service', service };
  }
  const token = bearerTokenFrom(headers.authorization);
  if (!token) return { kind: 'anonymous' };
  try {
    return { kind: 'user', claims: await accessTokens.verify(token) };
  } catch (error) {
    if (error instanceof InvalidAccessTokenError) {
      throw new Refusal('UNAUTHORIZED', `token_${error.reason}`, error.message);
    }
    throw error;
  }
}

const roleNames = {
  brand: 'brand accounts',
  streamer: 'streamer accounts',
  admin: 'administrators',
} as const;

/** Applies the domain's rule from the route table; services check roles and ownership again. */
export function authorize(domain: Domain, caller: Caller) {
  const access = domainRoutes[domain].access;
  if (access === 'public' || caller.kind === 'service') return;
  if (caller.kind === 'anonymous') {
    throw new Refusal('UNAUTHORIZED', 'sign_in_required', 'Sign in to continue.');
  }
  if (access === 'signed-in') return;
  if (!(access as readonly string[]).includes(caller.claims.role)) {
    const who = access.map((role) => roleNames[role]).join(' and ');
    throw new Refusal('FORBIDDEN', 'role_not_allowed', `The ${domain} API is for ${who} only.`);
  }
}
