import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRPCClientError, createApiClient } from './index';

/**
 * A stand-in gateway answering `identity.me` in tRPC's batch wire format: the token `fresh` is
 * accepted, any other is refused as UNAUTHORIZED (an expired access token).
 */
let requests = 0;
const server = http.createServer((req, res) => {
  requests += 1;
  res.setHeader('content-type', 'application/json');
  if (req.headers.authorization === 'Bearer fresh') {
    res.end(
      JSON.stringify([{ result: { data: { json: { id: 'u1', email: 'pat@example.com' } } } }]),
    );
    return;
  }
  res.statusCode = 401;
  res.end(
    JSON.stringify([
      {
        error: {
          json: {
            message: 'The access token has expired.',
            code: -32001,
            data: { code: 'UNAUTHORIZED', httpStatus: 401, reason: 'token_expired' },
          },
        },
      },
    ]),
  );
});

let gatewayUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = 0;
});

function clientWith(renewTo: string | null) {
  let token = 'expired';
  let renewals = 0;
  const api = createApiClient({
    gatewayUrl,
    getAccessToken: () => token,
    renewSession: () => {
      renewals += 1;
      if (renewTo) token = renewTo;
      return Promise.resolve(renewTo !== null);
    },
  });
  return { api, renewals: () => renewals };
}

// The first call pays for loading the client on a busy machine.
describe('a client-side call whose access token has expired', { timeout: 60_000 }, () => {
  it('renews the session once and is sent again', async () => {
    const { api, renewals } = clientWith('fresh');
    await expect(api.identity.me.query()).resolves.toMatchObject({ email: 'pat@example.com' });
    expect(renewals()).toBe(1);
    expect(requests).toBe(2);
  });

  it('fails with the refusal when the session has ended (the renewer sends to sign in)', async () => {
    const { api, renewals } = clientWith(null);
    const error = await api.identity.me.query().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(renewals()).toBe(1);
    expect(requests).toBe(1);
  });

  it('does not loop when the renewed token is refused too', async () => {
    const { api, renewals } = clientWith('still-refused');
    await expect(api.identity.me.query()).rejects.toBeInstanceOf(TRPCClientError);
    expect(renewals()).toBe(1);
    expect(requests).toBe(2);
  });
});
