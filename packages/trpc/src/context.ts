import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  InvalidAccessTokenError,
  SERVICE_TOKEN_HEADER,
  bearerTokenFrom,
  verifyServiceToken,
} from '@gametriggers/tokens';
import type { AccessTokenVerifier } from '@gametriggers/tokens';
import type { Caller } from './caller';
import { userCallerFromClaims } from './caller';
import type { Logger } from './logger';

export interface ServiceContext {
  caller: Caller;
  /** Why a presented credential was refused; reported only by procedures that need a caller. */
  authError: string | undefined;
  requestId: string;
  log: Logger;
  /** Counts the procedure's outcome and duration on the service's `/metrics` (set by the kit's server). */
  observeProcedure?: (procedure: string, outcome: string, seconds: number, error?: Error) => void;
}

export interface CallerAuthenticator {
  accessTokens: AccessTokenVerifier;
  serviceSecret: string;
}

const requestIdPattern = /^[\w.-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && requestIdPattern.test(value) ? value : randomUUID();
}

/** Zero trust: every service verifies the caller itself, whatever the gateway already checked. */
export async function authenticateCaller(
  req: IncomingMessage,
  auth: CallerAuthenticator,
): Promise<Pick<ServiceContext, 'caller' | 'authError'>> {
  const serviceToken = req.headers[SERVICE_TOKEN_HEADER];
  if (typeof serviceToken === 'string') {
    const service = await verifyServiceToken(auth.serviceSecret, serviceToken);
    return service
      ? { caller: { kind: 'service', service }, authError: undefined }
      : { caller: { kind: 'anonymous' }, authError: 'The service credential is not valid.' };
  }
  const token = bearerTokenFrom(req.headers.authorization);
  if (!token) return { caller: { kind: 'anonymous' }, authError: undefined };
  try {
    return {
      caller: userCallerFromClaims(await auth.accessTokens.verify(token)),
      authError: undefined,
    };
  } catch (error) {
    if (error instanceof InvalidAccessTokenError) {
      return { caller: { kind: 'anonymous' }, authError: error.message };
    }
    throw error;
  }
}
