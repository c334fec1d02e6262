import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextAuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuthOptions } from './auth-options';
import { portalUrlsFrom } from './portals';

/**
 * A stand-in gateway answering `identity.refresh` in tRPC's batch wire format (superjson), so the
 * jwt callback's refresh path runs through the real API client.
 */
const NOW = Date.parse('2026-03-02T09:00:00.000Z');
let mode: 'ok' | 'reused' | 'down' = 'ok';
const calls: unknown[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    calls.push({ url: req.url, body: JSON.parse(body) as unknown });
    res.setHeader('content-type', 'application/json');
    if (mode === 'down') {
      res.statusCode = 502;
      res.end(JSON.stringify({ error: 'identity is restarting' }));
      return;
    }
    if (mode === 'reused') {
      res.statusCode = 401;
      res.end(
        JSON.stringify([
          {
            error: {
              json: {
                message: 'This refresh token was already used.',
                code: -32001,
                data: { code: 'UNAUTHORIZED', httpStatus: 401, reason: 'refresh_token_reused' },
              },
            },
          },
        ]),
      );
      return;
    }
    const expires = new Date(NOW + 15 * 60_000).toISOString();
    res.end(
      JSON.stringify([
        {
          result: {
            data: {
              json: {
                accessToken: 'access-2',
                accessTokenExpiresAt: expires,
                refreshToken: 'refresh-2',
                refreshTokenExpiresAt: expires,
                user: {
                  id: 'u1',
                  email: 'pat@example.com',
                  name: 'Pat',
                  role: 'brand',
                  permissions: [],
                },
              },
              meta: { values: { accessTokenExpiresAt: ['Date'], refreshTokenExpiresAt: ['Date'] } },
            },
          },
        },
      ]),
    );
  });
});

let options: NextAuthOptions;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  options = createAuthOptions({
    portal: 'brand',
    gatewayUrl: `http://127.0.0.1:${port}`,
    secret: 'a-nextauth-secret-for-the-tests-only',
    serviceSecret: 'a-service-secret-that-is-at-least-32-chars',
    portals: portalUrlsFrom({}),
    now: () => NOW,
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  mode = 'ok';
  calls.length = 0;
});

const signedIn = (expiresInMs: number): JWT => ({
  accessToken: 'access-1',
  accessTokenExpiresAt: NOW + expiresInMs,
  refreshToken: 'refresh-1',
  user: { id: 'u1', email: 'pat@example.com', name: 'Pat', role: 'brand', permissions: [] },
});

async function runJwt(token: JWT) {
  const jwt = options.callbacks?.jwt;
  if (!jwt) throw new Error('no jwt callback');
  return (await jwt({ token, trigger: 'update', session: undefined } as unknown as Parameters<
    typeof jwt
  >[0])) as JWT & Record<string, unknown>;
}

describe('the session JWT', () => {
  it('leaves a fresh access token alone', async () => {
    const token = signedIn(10 * 60_000);
    expect(await runJwt(token)).toEqual(token);
    expect(calls).toHaveLength(0);
  });

  it('refreshes shortly before expiry and stores the rotated tokens', async () => {
    const next = await runJwt(signedIn(30_000));
    expect(calls).toHaveLength(1);
    expect(JSON.stringify(calls[0])).toContain('refresh-1');
    expect(next.accessToken).toBe('access-2');
    expect(next.refreshToken).toBe('refresh-2');
    expect(next.accessTokenExpiresAt).toBe(NOW + 15 * 60_000);
    expect(next.accessTokenIssuedAt).toBe(NOW);
    expect(next.error).toBeUndefined();
  });

  it('marks the session RefreshFailed when identity refuses the refresh token', async () => {
    mode = 'reused';
    const next = await runJwt(signedIn(-1_000));
    expect(next.error).toBe('RefreshFailed');
  });

  it('keeps the session as it is when identity cannot be reached', async () => {
    mode = 'down';
    const token = signedIn(-1_000);
    expect(await runJwt(token)).toEqual(token);
    expect(calls).toHaveLength(1);
  });

  it('does not ask identity again once the session has ended', async () => {
    const ended = { ...signedIn(-1_000), error: 'RefreshFailed' };
    expect(await runJwt(ended)).toEqual(ended);
    expect(calls).toHaveLength(0);
  });

  it('exposes user, access token and error on the session', async () => {
    const session = options.callbacks?.session;
    if (!session) throw new Error('no session callback');
    const result = (await session({
      session: { expires: '' },
      token: { ...signedIn(60_000), error: 'RefreshFailed' },
    } as unknown as Parameters<typeof session>[0])) as unknown as Record<string, unknown>;
    expect(result).toMatchObject({
      accessToken: 'access-1',
      error: 'RefreshFailed',
      user: { email: 'pat@example.com', role: 'brand' },
    });
  });
});
