import { z } from 'zod';
import type { PlatformClient, PlatformTokens } from './platform-client';
import { PlatformUnavailableError, expiresAtFrom, platformRequest } from './platform-client';

export interface TwitchClientOptions {
  apiUrl: string;
  authUrl: string;
  clientId: string;
  clientSecret: string;
  now: () => Date;
}

/** Reading the follower count needs `moderator:read:followers` on the broadcaster's own token. */
export const TWITCH_SCOPES = ['user:read:email', 'moderator:read:followers'];

const tokenResponse = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
});
const usersResponse = z.object({
  data: z.array(z.object({ id: z.string(), login: z.string(), display_name: z.string() })),
});
const followersResponse = z.object({ total: z.number().int().nonnegative() });
const streamsResponse = z.object({
  data: z.array(
    z.object({
      user_id: z.string(),
      type: z.string(),
      viewer_count: z.number().int().nonnegative(),
    }),
  ),
});

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Twitch: OAuth at `id.twitch.tv/oauth2`, reads through Helix. */
export function createTwitchClient(options: TwitchClientOptions): PlatformClient {
  const apiUrl = trimSlash(options.apiUrl);
  const authUrl = trimSlash(options.authUrl);

  function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
    const result = schema.safeParse(body);
    if (!result.success)
      throw new PlatformUnavailableError(
        'twitch',
        `Twitch answered ${what} in an unexpected shape`,
      );
    return result.data;
  }

  async function token(form: Record<string, string>): Promise<PlatformTokens> {
    const body = await platformRequest(
      'twitch',
      `${authUrl}/token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: options.clientId,
          client_secret: options.clientSecret,
          ...form,
        }).toString(),
      },
      [400, 401, 403],
    );
    const tokens = parse(tokenResponse, body, 'the token request');
    return {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      expiresAt: expiresAtFrom(tokens.expires_in, options.now()),
    };
  }

  async function helix(accessToken: string, path: string): Promise<unknown> {
    return platformRequest('twitch', `${apiUrl}${path}`, {
      headers: { authorization: `Bearer ${accessToken}`, 'client-id': options.clientId },
    });
  }

  return {
    platform: 'twitch',
    authorizationUrl({ redirectUri, state }) {
      const url = new URL(`${authUrl}/authorize`);
      url.search = new URLSearchParams({
        client_id: options.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: TWITCH_SCOPES.join(' '),
        state,
      }).toString();
      return url.toString();
    },
    exchangeCode: ({ code, redirectUri }) =>
      token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
    refresh: (refreshToken) => token({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    async fetchChannel(accessToken) {
      const users = parse(usersResponse, await helix(accessToken, '/users'), 'GET /users');
      const user = users.data[0];
      if (!user)
        throw new PlatformUnavailableError('twitch', 'Twitch returned no user for this token');
      return {
        channelId: user.id,
        username: user.login,
        channelUrl: `https://www.twitch.tv/${user.login}`,
      };
    },
    async fetchSnapshot(accessToken, channelId) {
      const id = encodeURIComponent(channelId);
      const [followers, streams] = await Promise.all([
        helix(accessToken, `/channels/followers?broadcaster_id=${id}`),
        helix(accessToken, `/streams?user_id=${id}`),
      ]);
      const stream = parse(streamsResponse, streams, 'GET /streams').data.find(
        (entry) => entry.user_id === channelId && entry.type === 'live',
      );
      return {
        followers: parse(followersResponse, followers, 'GET /channels/followers').total,
        totalViews: null,
        live: Boolean(stream),
        viewers: stream?.viewer_count ?? 0,
      };
    },
  };
}
