import { randomBytes, randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A channel the stand-in knows; anything left out gets a plausible default. */
export interface TwitchStandInChannel {
  login: string;
  id?: string;
  displayName?: string;
  email?: string;
  followers?: number;
  /** Viewers while live; omitted or null: offline. */
  liveViewers?: number | null;
  gameName?: string;
  title?: string;
  language?: string;
}

export interface TwitchApiStandInOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  channels?: TwitchStandInChannel[];
  /** Lifetime of user access tokens; short values exercise refreshing. Default 4 hours like Twitch. */
  accessTokenTtlSeconds?: number;
}

interface ChannelState {
  id: string;
  login: string;
  displayName: string;
  email: string;
  followers: number;
  liveViewers: number | null;
  gameName: string;
  title: string;
  language: string;
  startedAt: string;
  createdAt: string;
}

interface IssuedToken {
  userId: string | null;
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

interface AuthorizationCode {
  userId: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
}

const CODE_TTL_MS = 10 * 60_000;

function token() {
  return randomBytes(20).toString('hex').slice(0, 30);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    const json = JSON.parse(body || '{}') as Record<string, string>;
    return new URLSearchParams(json);
  }
  return new URLSearchParams(body);
}

/**
 * Stands in for Twitch's OAuth (`id.twitch.tv/oauth2`) and Helix (`api.twitch.tv/helix`) APIs with
 * their real shapes and error bodies: authorize (auto-approves), token (authorization_code,
 * refresh_token, client_credentials), validate, users, channels/followers and streams. Tokens expire
 * so refreshing is exercised; refresh tokens rotate.
 */
export async function startTwitchApiStandIn(options: TwitchApiStandInOptions) {
  const channels = new Map<string, ChannelState>();
  const accessTokens = new Map<string, IssuedToken>();
  const refreshTokens = new Map<string, { userId: string; clientId: string; scopes: string[] }>();
  const codes = new Map<string, AuthorizationCode>();
  const calls: string[] = [];
  const ttlSeconds = options.accessTokenTtlSeconds ?? 4 * 3600;

  function addChannel(channel: TwitchStandInChannel): ChannelState {
    const login = channel.login.toLowerCase();
    const existing = channels.get(login);
    const state: ChannelState = {
      id: channel.id ?? existing?.id ?? String(randomInt(10_000_000, 999_999_999)),
      login,
      displayName: channel.displayName ?? existing?.displayName ?? channel.login,
      email: channel.email ?? existing?.email ?? `${login}@twitch.example.test`,
      followers: channel.followers ?? existing?.followers ?? 0,
      liveViewers: channel.liveViewers ?? existing?.liveViewers ?? null,
      gameName: channel.gameName ?? existing?.gameName ?? 'Just Chatting',
      title: channel.title ?? existing?.title ?? `${channel.login} live`,
      language: channel.language ?? existing?.language ?? 'en',
      startedAt: existing?.startedAt ?? new Date().toISOString(),
      createdAt: existing?.createdAt ?? new Date().toISOString(),
    };
    channels.set(login, state);
    return state;
  }
  for (const channel of options.channels ?? []) addChannel(channel);

  function channelNamed(login: string): ChannelState {
    const channel = channels.get(login.toLowerCase());
    if (!channel) throw new Error(`The Twitch stand-in has no channel "${login}"`);
    return channel;
  }
  const channelById = (id: string) => [...channels.values()].find((channel) => channel.id === id);

  function issueTokens(userId: string | null, clientId: string, scopes: string[]) {
    const accessToken = token();
    accessTokens.set(accessToken, {
      userId,
      clientId,
      scopes,
      expiresAt: Date.now() + ttlSeconds * 1000,
    });
    const body: Record<string, unknown> = {
      access_token: accessToken,
      expires_in: ttlSeconds,
      scope: scopes,
      token_type: 'bearer',
    };
    if (userId) {
      const refreshToken = token();
      refreshTokens.set(refreshToken, { userId, clientId, scopes });
      body.refresh_token = refreshToken;
    }
    return body;
  }

  function userJson(channel: ChannelState, withEmail: boolean) {
    return {
      id: channel.id,
      login: channel.login,
      display_name: channel.displayName,
      type: '',
      broadcaster_type: channel.followers >= 50 ? 'affiliate' : '',
      description: '',
      profile_image_url: `https://static-cdn.jtvnw.example.test/${channel.login}-profile.png`,
      offline_image_url: '',
      view_count: 0,
      ...(withEmail ? { email: channel.email } : {}),
      created_at: channel.createdAt,
    };
  }

  function streamJson(channel: ChannelState) {
    return {
      id: String(Number(channel.id) * 7),
      user_id: channel.id,
      user_login: channel.login,
      user_name: channel.displayName,
      game_id: '509658',
      game_name: channel.gameName,
      type: 'live',
      title: channel.title,
      viewer_count: channel.liveViewers ?? 0,
      started_at: channel.startedAt,
      language: channel.language,
      thumbnail_url: `https://static-cdn.jtvnw.example.test/previews-ttv/live_user_${channel.login}-{width}x{height}.jpg`,
      tag_ids: [],
      tags: [],
      is_mature: false,
    };
  }

  function authorize(url: URL, res: http.ServerResponse) {
    const clientId = url.searchParams.get('client_id');
    const redirectUri = url.searchParams.get('redirect_uri');
    const state = url.searchParams.get('state');
    if (clientId !== options.clientId) {
      return sendJson(res, 400, { status: 400, message: 'invalid client' });
    }
    if (!redirectUri || url.searchParams.get('response_type') !== 'code') {
      return sendJson(res, 400, { status: 400, message: 'missing redirect_uri or response_type' });
    }
    const login = url.searchParams.get('login');
    let channel: ChannelState | undefined;
    if (login) channel = channels.get(login.toLowerCase()) ?? addChannel({ login });
    else if (channels.size === 1) channel = [...channels.values()][0];
    if (!channel) {
      const links = [...channels.values()].map((known) => {
        const choice = new URL(url);
        choice.searchParams.set('login', known.login);
        return `<li><a href="${escapeHtml(choice.pathname + choice.search)}">${escapeHtml(known.displayName)}</a> (${known.followers} followers)</li>`;
      });
      const form = [...url.searchParams]
        .filter(([name]) => name !== 'login')
        .map(
          ([name, value]) =>
            `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>Twitch stand-in: choose a channel</title><h1>Authorize as…</h1><ul>${links.join('')}</ul>` +
          `<form method="get" action="${escapeHtml(url.pathname)}">${form}<label>Another login <input name="login" required></label> <button>Authorize</button></form>`,
      );
      return;
    }
    const code = token();
    const scopes = (url.searchParams.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
    codes.set(code, {
      userId: channel.id,
      clientId,
      redirectUri,
      scopes,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('scope', scopes.join(' '));
    if (state) target.searchParams.set('state', state);
    res.writeHead(302, { location: target.toString() });
    res.end();
  }

  async function exchange(req: http.IncomingMessage, url: URL, res: http.ServerResponse) {
    const form = await readForm(req);
    for (const [name, value] of url.searchParams) if (!form.has(name)) form.set(name, value);
    const clientId = form.get('client_id');
    if (clientId !== options.clientId)
      return sendJson(res, 400, { status: 400, message: 'invalid client' });
    if (form.get('client_secret') !== options.clientSecret) {
      return sendJson(res, 403, { status: 403, message: 'invalid client secret' });
    }
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!code || code.expiresAt < Date.now() || code.clientId !== clientId) {
        return sendJson(res, 400, { status: 400, message: 'Invalid authorization code' });
      }
      if (form.get('redirect_uri') !== code.redirectUri) {
        return sendJson(res, 400, {
          status: 400,
          message: 'Parameter redirect_uri does not match registered URI',
        });
      }
      return sendJson(res, 200, issueTokens(code.userId, clientId, code.scopes));
    }
    if (grantType === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const grant = refreshTokens.get(presented);
      if (!grant || grant.clientId !== clientId) {
        return sendJson(res, 400, { status: 400, message: 'Invalid refresh token' });
      }
      refreshTokens.delete(presented);
      return sendJson(res, 200, issueTokens(grant.userId, clientId, grant.scopes));
    }
    if (grantType === 'client_credentials')
      return sendJson(res, 200, issueTokens(null, clientId, []));
    return sendJson(res, 400, { status: 400, message: 'Invalid grant type' });
  }

  function presentedToken(req: http.IncomingMessage, scheme: RegExp) {
    const header = req.headers.authorization ?? '';
    const match = scheme.exec(header);
    const value = match?.[1];
    const issued = value ? accessTokens.get(value) : undefined;
    return issued && issued.expiresAt > Date.now() ? issued : undefined;
  }

  function helixCaller(req: http.IncomingMessage, res: http.ServerResponse) {
    const clientId = req.headers['client-id'];
    if (!req.headers.authorization) {
      sendJson(res, 401, { error: 'Unauthorized', status: 401, message: 'OAuth token is missing' });
      return undefined;
    }
    const issued = presentedToken(req, /^Bearer\s+(\S+)$/i);
    if (!issued) {
      sendJson(res, 401, { error: 'Unauthorized', status: 401, message: 'Invalid OAuth token' });
      return undefined;
    }
    if (clientId !== issued.clientId) {
      sendJson(res, 401, {
        error: 'Unauthorized',
        status: 401,
        message: 'Client ID and OAuth token do not match',
      });
      return undefined;
    }
    return issued;
  }

  function helix(req: http.IncomingMessage, url: URL, res: http.ServerResponse) {
    const issued = helixCaller(req, res);
    if (!issued) return;
    const path = url.pathname.slice('/helix'.length);
    if (path === '/users') {
      const ids = url.searchParams.getAll('id');
      const logins = url.searchParams.getAll('login').map((login) => login.toLowerCase());
      if (ids.length === 0 && logins.length === 0) {
        const self = issued.userId ? channelById(issued.userId) : undefined;
        if (!self) {
          return sendJson(res, 400, {
            error: 'Bad Request',
            status: 400,
            message: 'Must provide an ID, Login or OAuth Token',
          });
        }
        return sendJson(res, 200, {
          data: [userJson(self, issued.scopes.includes('user:read:email'))],
        });
      }
      const found = [...channels.values()].filter(
        (channel) => ids.includes(channel.id) || logins.includes(channel.login),
      );
      return sendJson(res, 200, { data: found.map((channel) => userJson(channel, false)) });
    }
    if (path === '/channels/followers') {
      const broadcasterId = url.searchParams.get('broadcaster_id');
      if (!broadcasterId) {
        return sendJson(res, 400, {
          error: 'Bad Request',
          status: 400,
          message: 'Missing required parameter "broadcaster_id"',
        });
      }
      const channel = channelById(broadcasterId);
      return sendJson(res, 200, { total: channel?.followers ?? 0, data: [], pagination: {} });
    }
    if (path === '/streams') {
      const ids = url.searchParams.getAll('user_id');
      const logins = url.searchParams.getAll('user_login').map((login) => login.toLowerCase());
      const live = [...channels.values()].filter(
        (channel) =>
          channel.liveViewers !== null &&
          (ids.includes(channel.id) ||
            logins.includes(channel.login) ||
            (ids.length === 0 && logins.length === 0)),
      );
      return sendJson(res, 200, { data: live.map(streamJson), pagination: {} });
    }
    sendJson(res, 404, { error: 'Not Found', status: 404, message: `No route for ${path}` });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    calls.push(`${req.method} ${url.pathname}`);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /oauth2/authorize') return authorize(url, res);
    if (route === 'POST /oauth2/token') {
      exchange(req, url, res).catch(() =>
        sendJson(res, 400, { status: 400, message: 'Malformed request' }),
      );
      return;
    }
    if (route === 'GET /oauth2/validate') {
      const issued = presentedToken(req, /^(?:OAuth|Bearer)\s+(\S+)$/i);
      if (!issued) return sendJson(res, 401, { status: 401, message: 'invalid access token' });
      const self = issued.userId ? channelById(issued.userId) : undefined;
      return sendJson(res, 200, {
        client_id: issued.clientId,
        ...(self ? { login: self.login, user_id: self.id } : {}),
        scopes: issued.scopes,
        expires_in: Math.max(0, Math.floor((issued.expiresAt - Date.now()) / 1000)),
      });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/helix/')) return helix(req, url, res);
    sendJson(res, 404, { error: 'Not Found', status: 404, message: `No route for ${route}` });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url,
    /** `TWITCH_AUTH_URL`: where `/authorize`, `/token` and `/validate` live. */
    authUrl: `${url}/oauth2`,
    /** `TWITCH_API_URL`. */
    apiUrl: `${url}/helix`,
    /** Adds a channel, or updates the given fields of a known one. */
    addChannel: (channel: TwitchStandInChannel) => ({ ...addChannel(channel) }),
    channel: (login: string) => ({ ...channelNamed(login) }),
    setLive(login: string, viewers: number) {
      const channel = channelNamed(login);
      if (channel.liveViewers === null) channel.startedAt = new Date().toISOString();
      channel.liveViewers = viewers;
    },
    setOffline(login: string) {
      channelNamed(login).liveViewers = null;
    },
    setFollowers(login: string, followers: number) {
      channelNamed(login).followers = followers;
    },
    /** Makes every access token issued so far invalid, as if their time ran out. */
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
export type TwitchApiStandIn = Awaited<ReturnType<typeof startTwitchApiStandIn>>;
