import { TRPCClientError } from '@gametriggers/api';
import { describe, expect, it } from 'vitest';
import { isSessionRevoked } from './session-revoked';

const refusal = (code: string, reason: string) =>
  new TRPCClientError(`refused: ${reason}`, {
    result: { error: { data: { code, reason }, message: reason, code: -32001 } },
  });

const answering = (answer: () => Promise<unknown>) => ({ identity: { me: { query: answer } } });

describe('isSessionRevoked', () => {
  it('is false while the API answers for the account, or when the token only needs renewing', async () => {
    expect(await isSessionRevoked(answering(() => Promise.resolve({ id: 'u1' })))).toBe(false);
    const expired = answering(() => Promise.reject(refusal('UNAUTHORIZED', 'token_expired')));
    expect(await isSessionRevoked(expired)).toBe(false);
  });

  it('is true once the gateway refuses the token of a suspended account, or identity the account', async () => {
    const revoked = answering(() => Promise.reject(refusal('UNAUTHORIZED', 'session_revoked')));
    const suspended = answering(() => Promise.reject(refusal('FORBIDDEN', 'account_suspended')));
    expect(await isSessionRevoked(revoked)).toBe(true);
    expect(await isSessionRevoked(suspended)).toBe(true);
  });

  it('throws an outage rather than guessing', async () => {
    const down = answering(() =>
      Promise.reject(refusal('SERVICE_UNAVAILABLE', 'service_unavailable')),
    );
    await expect(isSessionRevoked(down)).rejects.toThrow(/service_unavailable/);
  });
});
