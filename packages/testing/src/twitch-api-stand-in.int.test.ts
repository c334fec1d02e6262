import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwitchApiStandIn } from './twitch-api-stand-in';
import { startTwitchApiStandIn } from './twitch-api-stand-in';

const client = { clientId: 'stand-in-client', clientSecret: 'stand-in-secret' };
const redirectUri = 'http://localhost:3002/connect/twitch';
let twitch: TwitchApiStandIn;

beforeAll(async () => {
  twitch = await startTwitchApiStandIn({
    ...client,
    channels: [
      { login: 'alpha', followers: 120, email: 'alpha@example.com' },
      { login: 'bravo', liveViewers: 33, gameName: 'Retro Racer' },
    ],
  });
});
afterAll(() => twitch.close());

function authorizeUrl(params: Record<string, string>) {
  const url = new URL(`${twitch.authUrl}/authorize`);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'user:read:email moderator:read:followers',
    state: 'state-123',
    ...params,
  }).toString();
  return url;
}

async function codeFor(login: string) {
  const response = await fetch(authorizeUrl({ login }), { redirect: 'manual' });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get('location') ?? '');
  expect(back.origin + back.pathname).toBe(redirectUri);
  expect(back.searchParams.get('state')).toBe('state-123');
  return back.searchParams.get('code') ?? '';
}

async function token(form: Record<string, string>) {
  const response = await fetch(`${twitch.authUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      ...form,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function tokensFor(login: string) {
  const { body } = await token({
    grant_type: 'authorization_code',
    code: await codeFor(login),
    redirect_uri: redirectUri,
  });
  return body as { access_token: string; refresh_token: string; expires_in: number };
}

const helix = (path: string, accessToken: string | undefined, clientId = client.clientId) =>
  fetch(`${twitch.apiUrl}${path}`, {
    headers: {
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      'client-id': clientId,
    },
  });

describe('Twitch OAuth stand-in', () => {
  it('auto-approves and exchanges the code once for tokens shaped like Twitch’s', async () => {
    const code = await codeFor('alpha');
    const first = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      scope: ['user:read:email', 'moderator:read:followers'],
      token_type: 'bearer',
    });
    expect(typeof first.body.access_token).toBe('string');
    expect(typeof first.body.refresh_token).toBe('string');
    expect(first.body.expires_in).toBeGreaterThan(0);
    const again = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    });
    expect(again).toEqual({
      status: 400,
      body: { status: 400, message: 'Invalid authorization code' },
    });
  });

  it('shows a chooser when several channels could approve', async () => {
    const response = await fetch(authorizeUrl({}), { redirect: 'manual' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('login=alpha');
    expect(html).toContain('login=bravo');
  });

  it('checks the client and the redirect URI', async () => {
    const code = await codeFor('alpha');
    expect(
      await token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_secret: 'wrong',
      }),
    ).toEqual({
      status: 403,
      body: { status: 403, message: 'invalid client secret' },
    });
    const mismatched = await token({
      grant_type: 'authorization_code',
      code: await codeFor('alpha'),
      redirect_uri: 'http://elsewhere/cb',
    });
    expect(mismatched.status).toBe(400);
    const unknownClient = await fetch(authorizeUrl({ client_id: 'nobody', login: 'alpha' }), {
      redirect: 'manual',
    });
    expect(unknownClient.status).toBe(400);
  });

  it('refreshes with a rotating refresh token', async () => {
    const tokens = await tokensFor('alpha');
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(tokens.access_token);
    const reused = await token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(reused).toEqual({
      status: 400,
      body: { status: 400, message: 'Invalid refresh token' },
    });
  });

  it('validates tokens and issues app tokens', async () => {
    const tokens = await tokensFor('alpha');
    const validated = await fetch(`${twitch.authUrl}/validate`, {
      headers: { authorization: `OAuth ${tokens.access_token}` },
    });
    await expect(validated.json()).resolves.toMatchObject({
      client_id: client.clientId,
      login: 'alpha',
    });
    const app = await token({ grant_type: 'client_credentials' });
    expect(app.body).not.toHaveProperty('refresh_token');
    const users = await helix('/users?login=bravo', app.body.access_token as string);
    await expect(users.json()).resolves.toMatchObject({ data: [{ login: 'bravo' }] });
  });
});

describe('Helix stand-in', () => {
  it('needs a valid bearer token with its own client id', async () => {
    const tokens = await tokensFor('alpha');
    const missing = await helix('/users', undefined);
    expect(missing.status).toBe(401);
    await expect(missing.json()).resolves.toMatchObject({ error: 'Unauthorized', status: 401 });
    expect((await helix('/users', 'not-a-token')).status).toBe(401);
    expect((await helix('/users', tokens.access_token, 'other-client')).status).toBe(401);
  });

  it('returns the token’s user, its followers and its stream', async () => {
    const alpha = await tokensFor('alpha');
    const users = (await (await helix('/users', alpha.access_token)).json()) as {
      data: Array<Record<string, unknown>>;
    };
    expect(users.data).toEqual([
      expect.objectContaining({
        login: 'alpha',
        display_name: 'alpha',
        email: 'alpha@example.com',
      }),
    ]);
    const alphaId = users.data[0]?.id as string;
    await expect(
      (await helix(`/channels/followers?broadcaster_id=${alphaId}`, alpha.access_token)).json(),
    ).resolves.toEqual({
      total: 120,
      data: [],
      pagination: {},
    });
    await expect(
      (await helix(`/streams?user_id=${alphaId}`, alpha.access_token)).json(),
    ).resolves.toEqual({
      data: [],
      pagination: {},
    });
    expect((await helix('/channels/followers', alpha.access_token)).status).toBe(400);

    const bravoId = twitch.channel('bravo').id;
    const streams = (await (
      await helix(`/streams?user_id=${bravoId}`, alpha.access_token)
    ).json()) as {
      data: Array<Record<string, unknown>>;
    };
    expect(streams.data).toEqual([
      expect.objectContaining({
        user_id: bravoId,
        user_login: 'bravo',
        type: 'live',
        viewer_count: 33,
        game_name: 'Retro Racer',
      }),
    ]);
    expect(Number.isNaN(Date.parse(String(streams.data[0]?.started_at)))).toBe(false);
  });

  it('follows changes made through the handle and expires tokens on demand', async () => {
    const alpha = await tokensFor('alpha');
    const alphaId = twitch.channel('alpha').id;
    twitch.setFollowers('alpha', 500);
    twitch.setLive('alpha', 12);
    await expect(
      (await helix(`/channels/followers?broadcaster_id=${alphaId}`, alpha.access_token)).json(),
    ).resolves.toMatchObject({ total: 500 });
    await expect(
      (await helix(`/streams?user_id=${alphaId}`, alpha.access_token)).json(),
    ).resolves.toMatchObject({
      data: [{ viewer_count: 12 }],
    });
    twitch.setOffline('alpha');
    await expect(
      (await helix(`/streams?user_id=${alphaId}`, alpha.access_token)).json(),
    ).resolves.toMatchObject({ data: [] });
    twitch.expireAccessTokens();
    expect((await helix('/users', alpha.access_token)).status).toBe(401);
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: alpha.refresh_token,
    });
    expect((await helix('/users', refreshed.body.access_token as string)).status).toBe(200);
  });

  it('lets tokens run out after their lifetime', async () => {
    const shortLived = await startTwitchApiStandIn({
      ...client,
      accessTokenTtlSeconds: 0,
      channels: [{ login: 'solo' }],
    });
    try {
      const response = await fetch(
        `${shortLived.authUrl}/authorize?client_id=${client.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code`,
        { redirect: 'manual' },
      );
      const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const tokenResponse = await fetch(`${shortLived.authUrl}/token`, {
        method: 'POST',
        body: new URLSearchParams({
          ...{ client_id: client.clientId, client_secret: client.clientSecret },
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
        }),
      });
      const { access_token } = (await tokenResponse.json()) as { access_token: string };
      const users = await fetch(`${shortLived.apiUrl}/users`, {
        headers: { authorization: `Bearer ${access_token}`, 'client-id': client.clientId },
      });
      expect(users.status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });
});
