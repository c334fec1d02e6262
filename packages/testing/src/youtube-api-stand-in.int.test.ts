import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YoutubeApiStandIn } from './youtube-api-stand-in';
import { startYoutubeApiStandIn } from './youtube-api-stand-in';

const client = { clientId: 'yt-client', clientSecret: 'yt-secret' };
const redirectUri = 'http://localhost:3002/connect/youtube';
let youtube: YoutubeApiStandIn;

beforeAll(async () => {
  youtube = await startYoutubeApiStandIn({
    ...client,
    channels: [
      { handle: 'patplays', title: 'Pat Plays', subscribers: 1500, views: 90_000 },
      { handle: 'quinn', liveViewers: 44 },
    ],
  });
});
afterAll(() => youtube.close());

async function codeFor(handle: string, extra: Record<string, string> = { access_type: 'offline' }) {
  const url = new URL(youtube.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'https://www.googleapis.com/auth/youtube.readonly',
    state: 'st-1',
    login_hint: handle,
    ...extra,
  }).toString();
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get('location') ?? '');
  expect(back.searchParams.get('state')).toBe('st-1');
  return back.searchParams.get('code') ?? '';
}

async function token(form: Record<string, string>) {
  const response = await fetch(`${youtube.oauthUrl}/token`, {
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

const get = (path: string, accessToken?: string) =>
  fetch(`${youtube.apiUrl}${path}`, {
    headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
  });

async function tokensFor(handle: string) {
  const { body } = await token({
    grant_type: 'authorization_code',
    code: await codeFor(handle),
    redirect_uri: redirectUri,
  });
  return body as { access_token: string; refresh_token: string };
}

describe('Google OAuth stand-in', () => {
  it('exchanges a code once; a refresh token only for offline access', async () => {
    const code = await codeFor('patplays');
    const first = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(typeof first.body.refresh_token).toBe('string');
    expect(
      await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
    ).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Malformed auth code.' },
    });
    const online = await token({
      grant_type: 'authorization_code',
      code: await codeFor('patplays', {}),
      redirect_uri: redirectUri,
    });
    expect(online.body).not.toHaveProperty('refresh_token');
  });

  it('refreshes without rotating and refuses a wrong client', async () => {
    const { refresh_token } = await tokensFor('patplays');
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).not.toHaveProperty('refresh_token');
    expect((await token({ grant_type: 'refresh_token', refresh_token })).status).toBe(200);
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token, client_secret: 'nope' })).status,
    ).toBe(401);
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: 'unknown' })).body,
    ).toMatchObject({
      error: 'invalid_grant',
    });
  });
});

describe('YouTube Data API stand-in', () => {
  it('answers 401 like Google without a valid token', async () => {
    const response = await get('/channels?part=snippet&mine=true');
    expect(response.status).toBe(401);
    await expect(response.json()).resolves.toMatchObject({
      error: { code: 401, status: 'UNAUTHENTICATED' },
    });
  });

  it('lists the token’s channel with string statistics', async () => {
    const { access_token } = await tokensFor('patplays');
    const body = (await (
      await get('/channels?part=snippet,statistics&mine=true', access_token)
    ).json()) as {
      items: Array<Record<string, unknown>>;
    };
    expect(body.items).toEqual([
      expect.objectContaining({
        kind: 'youtube#channel',
        snippet: expect.objectContaining({ title: 'Pat Plays', customUrl: '@patplays' }) as unknown,
        statistics: expect.objectContaining({
          subscriberCount: '1500',
          viewCount: '90000',
        }) as unknown,
      }),
    ]);
  });

  it('finds the live video and its concurrent viewers', async () => {
    const { access_token } = await tokensFor('patplays');
    const quinn = youtube.channel('quinn');
    const search = (await (
      await get(`/search?part=id&channelId=${quinn.id}&eventType=live&type=video`, access_token)
    ).json()) as { items: Array<{ id: { videoId: string } }> };
    expect(search.items).toHaveLength(1);
    const videoId = search.items[0]?.id.videoId ?? '';
    const videos = (await (
      await get(`/videos?part=liveStreamingDetails&id=${videoId}`, access_token)
    ).json()) as {
      items: Array<{ liveStreamingDetails: { concurrentViewers?: string } }>;
    };
    expect(videos.items[0]?.liveStreamingDetails.concurrentViewers).toBe('44');

    youtube.setOffline('quinn');
    const offline = (await (
      await get(`/search?part=id&channelId=${quinn.id}&eventType=live&type=video`, access_token)
    ).json()) as { items: unknown[] };
    expect(offline.items).toEqual([]);
  });

  it('expires tokens on demand', async () => {
    const { access_token } = await tokensFor('patplays');
    youtube.expireAccessTokens();
    expect((await get('/channels?part=id&mine=true', access_token)).status).toBe(401);
  });
});
