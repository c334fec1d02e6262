import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A YouTube channel the stand-in knows; anything left out gets a plausible default. */
export interface YoutubeStandInChannel {
  /** The handle without `@`, e.g. `patplays`; also what `login_hint` picks at the consent screen. */
  handle: string;
  id?: string;
  title?: string;
  subscribers?: number;
  views?: number;
  /** Concurrent viewers of the live broadcast; omitted or null: not live. */
  liveViewers?: number | null;
}

export interface YoutubeApiStandInOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  channels?: YoutubeStandInChannel[];
  /** Lifetime of access tokens; Google's is an hour. */
  accessTokenTtlSeconds?: number;
}

interface ChannelState {
  id: string;
  handle: string;
  title: string;
  subscribers: number;
  views: number;
  liveViewers: number | null;
  liveVideoId: string;
  startedAt: string;
  publishedAt: string;
}

const SCOPE_READONLY = 'https://www.googleapis.com/auth/youtube.readonly';
const CODE_TTL_MS = 10 * 60_000;

const opaque = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    return new URLSearchParams(JSON.parse(body || '{}') as Record<string, string>);
  }
  return new URLSearchParams(body);
}

/** Google's error body for a refused API credential. */
const unauthenticated = {
  error: {
    code: 401,
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    errors: [
      {
        message: 'Invalid Credentials',
        domain: 'global',
        reason: 'authError',
        location: 'Authorization',
        locationType: 'header',
      },
    ],
    status: 'UNAUTHENTICATED',
  },
};

/**
 * Stands in for Google's OAuth (`accounts.google.com/o/oauth2/v2/auth`, `oauth2.googleapis.com/token`)
 * and the YouTube Data API v3 (`channels`, `search` for live videos, `videos` for concurrent
 * viewers) with their real shapes: counts are strings, errors are Google's. Consent is approved at
 * once; refresh tokens are only issued with `access_type=offline` and do not rotate.
 */
export async function startYoutubeApiStandIn(options: YoutubeApiStandInOptions) {
  const channels = new Map<string, ChannelState>();
  const accessTokens = new Map<
    string,
    { channelId: string; clientId: string; expiresAt: number }
  >();
  const refreshTokens = new Map<string, { channelId: string; clientId: string }>();
  const codes = new Map<
    string,
    {
      channelId: string;
      clientId: string;
      redirectUri: string;
      offline: boolean;
      scope: string;
      expiresAt: number;
    }
  >();
  const calls: string[] = [];
  const ttlSeconds = options.accessTokenTtlSeconds ?? 3599;

  function addChannel(channel: YoutubeStandInChannel): ChannelState {
    const handle = channel.handle.replace(/^@/, '').toLowerCase();
    const existing = channels.get(handle);
    const state: ChannelState = {
      id: channel.id ?? existing?.id ?? `UC${randomBytes(16).toString('base64url').slice(0, 22)}`,
      handle,
      title: channel.title ?? existing?.title ?? channel.handle,
      subscribers: channel.subscribers ?? existing?.subscribers ?? 0,
      views: channel.views ?? existing?.views ?? 0,
      liveViewers: channel.liveViewers ?? existing?.liveViewers ?? null,
      liveVideoId: existing?.liveVideoId ?? randomBytes(8).toString('base64url').slice(0, 11),
      startedAt: existing?.startedAt ?? new Date().toISOString(),
      publishedAt: existing?.publishedAt ?? new Date().toISOString(),
    };
    channels.set(handle, state);
    return state;
  }
  for (const channel of options.channels ?? []) addChannel(channel);

  function channelNamed(handle: string): ChannelState {
    const channel = channels.get(handle.replace(/^@/, '').toLowerCase());
    if (!channel) throw new Error(`The YouTube stand-in has no channel "${handle}"`);
    return channel;
  }
  const channelById = (id: string) => [...channels.values()].find((channel) => channel.id === id);

  function issueAccessToken(channelId: string, clientId: string) {
    const accessToken = opaque('ya29.');
    accessTokens.set(accessToken, {
      channelId,
      clientId,
      expiresAt: Date.now() + ttlSeconds * 1000,
    });
    return accessToken;
  }

  function authorize(url: URL, res: http.ServerResponse) {
    const clientId = url.searchParams.get('client_id');
    const redirectUri = url.searchParams.get('redirect_uri');
    if (clientId !== options.clientId) {
      return sendJson(res, 401, {
        error: 'invalid_client',
        error_description: 'The OAuth client was not found.',
      });
    }
    if (!redirectUri || url.searchParams.get('response_type') !== 'code') {
      return sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'Missing redirect_uri or response_type=code',
      });
    }
    const hint = url.searchParams.get('login_hint');
    let channel: ChannelState | undefined;
    if (hint)
      channel = channels.get(hint.replace(/^@/, '').toLowerCase()) ?? addChannel({ handle: hint });
    else if (channels.size === 1) channel = [...channels.values()][0];
    if (!channel) {
      const links = [...channels.values()].map((known) => {
        const choice = new URL(url);
        choice.searchParams.set('login_hint', known.handle);
        return `<li><a href="${escapeHtml(choice.pathname + choice.search)}">${escapeHtml(known.title)} (@${escapeHtml(known.handle)})</a></li>`;
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>YouTube stand-in: choose a channel</title><h1>Choose a channel</h1><ul>${links.join('')}</ul>`,
      );
      return;
    }
    const code = opaque('4/0A');
    const scope = url.searchParams.get('scope') ?? SCOPE_READONLY;
    codes.set(code, {
      channelId: channel.id,
      clientId,
      redirectUri,
      offline: url.searchParams.get('access_type') === 'offline',
      scope,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    const target = new URL(redirectUri);
    const state = url.searchParams.get('state');
    if (state) target.searchParams.set('state', state);
    target.searchParams.set('code', code);
    target.searchParams.set('scope', scope);
    res.writeHead(302, { location: target.toString() });
    res.end();
  }

  async function exchange(req: http.IncomingMessage, res: http.ServerResponse) {
    const form = await readForm(req);
    const clientId = form.get('client_id');
    if (clientId !== options.clientId || form.get('client_secret') !== options.clientSecret) {
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'Unauthorized' });
    }
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const presented = form.get('code') ?? '';
      const code = codes.get(presented);
      codes.delete(presented);
      if (!code || code.expiresAt < Date.now() || code.clientId !== clientId) {
        return sendJson(res, 400, {
          error: 'invalid_grant',
          error_description: 'Malformed auth code.',
        });
      }
      if (form.get('redirect_uri') !== code.redirectUri) {
        return sendJson(res, 400, {
          error: 'redirect_uri_mismatch',
          error_description: 'Bad Request',
        });
      }
      const body: Record<string, unknown> = {
        access_token: issueAccessToken(code.channelId, clientId),
        expires_in: ttlSeconds,
        scope: code.scope,
        token_type: 'Bearer',
      };
      if (code.offline) {
        const refreshToken = opaque('1//');
        refreshTokens.set(refreshToken, { channelId: code.channelId, clientId });
        body.refresh_token = refreshToken;
      }
      return sendJson(res, 200, body);
    }
    if (grantType === 'refresh_token') {
      const grant = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant || grant.clientId !== clientId) {
        return sendJson(res, 400, {
          error: 'invalid_grant',
          error_description: 'Token has been expired or revoked.',
        });
      }
      return sendJson(res, 200, {
        access_token: issueAccessToken(grant.channelId, clientId),
        expires_in: ttlSeconds,
        scope: SCOPE_READONLY,
        token_type: 'Bearer',
      });
    }
    return sendJson(res, 400, {
      error: 'unsupported_grant_type',
      error_description: 'Invalid grant_type',
    });
  }

  function channelJson(channel: ChannelState, parts: string[]) {
    return {
      kind: 'youtube#channel',
      etag: randomBytes(8).toString('hex'),
      id: channel.id,
      ...(parts.includes('snippet')
        ? {
            snippet: {
              title: channel.title,
              description: '',
              customUrl: `@${channel.handle}`,
              publishedAt: channel.publishedAt,
              thumbnails: {
                default: {
                  url: `https://yt3.example.test/${channel.handle}.jpg`,
                  width: 88,
                  height: 88,
                },
              },
            },
          }
        : {}),
      ...(parts.includes('statistics')
        ? {
            statistics: {
              viewCount: String(channel.views),
              subscriberCount: String(channel.subscribers),
              hiddenSubscriberCount: false,
              videoCount: '0',
            },
          }
        : {}),
    };
  }

  const list = (kind: string, items: unknown[]) => ({
    kind,
    etag: randomBytes(8).toString('hex'),
    pageInfo: { totalResults: items.length, resultsPerPage: items.length },
    items,
  });

  function api(req: http.IncomingMessage, url: URL, res: http.ServerResponse) {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const issued = match?.[1] ? accessTokens.get(match[1]) : undefined;
    if (!issued || issued.expiresAt <= Date.now()) return sendJson(res, 401, unauthenticated);
    const resource = url.pathname.slice('/youtube/v3'.length);
    const parts = (url.searchParams.get('part') ?? '').split(',').map((part) => part.trim());
    if (resource === '/channels') {
      const ids = (url.searchParams.get('id') ?? '').split(',').filter(Boolean);
      const found =
        url.searchParams.get('mine') === 'true'
          ? [channelById(issued.channelId)].filter((channel): channel is ChannelState =>
              Boolean(channel),
            )
          : ids.map(channelById).filter((channel): channel is ChannelState => Boolean(channel));
      return sendJson(
        res,
        200,
        list(
          'youtube#channelListResponse',
          found.map((channel) => channelJson(channel, parts)),
        ),
      );
    }
    if (resource === '/search') {
      const channel = channelById(url.searchParams.get('channelId') ?? '');
      const liveOnly = url.searchParams.get('eventType') === 'live';
      const live = channel && channel.liveViewers !== null ? [channel] : [];
      const items = (liveOnly ? live : []).map((entry) => ({
        kind: 'youtube#searchResult',
        etag: randomBytes(8).toString('hex'),
        id: { kind: 'youtube#video', videoId: entry.liveVideoId },
        snippet: {
          channelId: entry.id,
          channelTitle: entry.title,
          title: `${entry.title} live`,
          liveBroadcastContent: 'live',
          publishedAt: entry.startedAt,
        },
      }));
      return sendJson(res, 200, list('youtube#searchListResponse', items));
    }
    if (resource === '/videos') {
      const ids = (url.searchParams.get('id') ?? '').split(',');
      const items = [...channels.values()]
        .filter((channel) => ids.includes(channel.liveVideoId))
        .map((channel) => ({
          kind: 'youtube#video',
          etag: randomBytes(8).toString('hex'),
          id: channel.liveVideoId,
          liveStreamingDetails:
            channel.liveViewers !== null
              ? {
                  actualStartTime: channel.startedAt,
                  concurrentViewers: String(channel.liveViewers),
                }
              : { actualStartTime: channel.startedAt, actualEndTime: new Date().toISOString() },
        }));
      return sendJson(res, 200, list('youtube#videoListResponse', items));
    }
    sendJson(res, 404, {
      error: { code: 404, message: `No resource ${resource}`, status: 'NOT_FOUND' },
    });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    calls.push(`${req.method} ${url.pathname}`);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /o/oauth2/v2/auth') return authorize(url, res);
    if (route === 'POST /token') {
      exchange(req, res).catch(() =>
        sendJson(res, 400, { error: 'invalid_request', error_description: 'Malformed request' }),
      );
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/youtube/v3/')) return api(req, url, res);
    sendJson(res, 404, {
      error: { code: 404, message: `No route for ${route}`, status: 'NOT_FOUND' },
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url,
    /** `GOOGLE_AUTHORIZE_URL`. */
    authorizeUrl: `${url}/o/oauth2/v2/auth`,
    /** `GOOGLE_OAUTH_URL`: its `/token` exchanges codes and refresh tokens. */
    oauthUrl: url,
    /** `YOUTUBE_API_URL`. */
    apiUrl: `${url}/youtube/v3`,
    /** Adds a channel, or updates the given fields of a known one. */
    addChannel: (channel: YoutubeStandInChannel) => ({ ...addChannel(channel) }),
    channel: (handle: string) => ({ ...channelNamed(handle) }),
    setLive(handle: string, viewers: number) {
      const channel = channelNamed(handle);
      if (channel.liveViewers === null) {
        channel.startedAt = new Date().toISOString();
        channel.liveVideoId = randomBytes(8).toString('base64url').slice(0, 11);
      }
      channel.liveViewers = viewers;
    },
    setOffline(handle: string) {
      channelNamed(handle).liveViewers = null;
    },
    setSubscribers(handle: string, subscribers: number) {
      channelNamed(handle).subscribers = subscribers;
    },
    setViews(handle: string, views: number) {
      channelNamed(handle).views = views;
    },
    /** Makes every access token issued so far invalid, as if their hour ran out. */
    expireAccessTokens() {
      for (const issued of accessTokens.values()) issued.expiresAt = 0;
    },
    /** `METHOD /path` of every request received, oldest first. */
    calls: () => [...calls],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type YoutubeApiStandIn = Awaited<ReturnType<typeof startYoutubeApiStandIn>>;
