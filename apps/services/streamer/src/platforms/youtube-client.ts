import { z } from 'zod';
import type { PlatformClient, PlatformTokens } from './platform-client';
import { PlatformUnavailableError, expiresAtFrom, platformRequest } from './platform-client';

export interface YoutubeClientOptions {
  /** `https://www.googleapis.com/youtube/v3` */
  apiUrl: string;
  /** `https://oauth2.googleapis.com` (its `/token`). */
  tokenUrl: string;
  /** `https://accounts.google.com/o/oauth2/v2/auth` */
  authorizeUrl: string;
  clientId: string;
  clientSecret: string;
  now: () => Date;
}

export const YOUTUBE_SCOPES = ['https://www.googleapis.com/auth/youtube.readonly'];

const tokenResponse = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
});
const countString = z
  .union([z.string(), z.number()])
  .transform((value) => Math.max(0, Math.floor(Number(value) || 0)));
const channelsResponse = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        snippet: z.object({ title: z.string(), customUrl: z.string().optional() }).optional(),
        statistics: z
          .object({ subscriberCount: countString.optional(), viewCount: countString.optional() })
          .optional(),
      }),
    )
    .default([]),
});
const liveSearchResponse = z.object({
  items: z.array(z.object({ id: z.object({ videoId: z.string() }) })).default([]),
});
const videosResponse = z.object({
  items: z
    .array(
      z.object({
        liveStreamingDetails: z.object({ concurrentViewers: countString.optional() }).optional(),
      }),
    )
    .default([]),
});

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** YouTube: Google OAuth for the token, the Data API v3 for channel statistics and live videos. */
export function createYoutubeClient(options: YoutubeClientOptions): PlatformClient {
  const apiUrl = trimSlash(options.apiUrl);

  function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
    const result = schema.safeParse(body);
    if (!result.success)
      throw new PlatformUnavailableError(
        'youtube',
        `YouTube answered ${what} in an unexpected shape`,
      );
    return result.data;
  }

  async function token(form: Record<string, string>): Promise<PlatformTokens> {
    const body = await platformRequest(
      'youtube',
      `${trimSlash(options.tokenUrl)}/token`,
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

  const get = (accessToken: string, path: string) =>
    platformRequest('youtube', `${apiUrl}${path}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });

  return {
    platform: 'youtube',
    authorizationUrl({ redirectUri, state }) {
      const url = new URL(options.authorizeUrl);
      url.search = new URLSearchParams({
        client_id: options.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: YOUTUBE_SCOPES.join(' '),
        // A refresh token, every time the streamer connects.
        access_type: 'offline',
        prompt: 'consent',
        state,
      }).toString();
      return url.toString();
    },
    exchangeCode: ({ code, redirectUri }) =>
      token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
    refresh: (refreshToken) => token({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    async fetchChannel(accessToken) {
      const channels = parse(
        channelsResponse,
        await get(accessToken, '/channels?part=snippet,statistics&mine=true'),
        'GET /channels',
      );
      const channel = channels.items[0];
      if (!channel)
        throw new PlatformUnavailableError('youtube', 'This Google account has no YouTube channel');
      const handle = channel.snippet?.customUrl;
      return {
        channelId: channel.id,
        username: handle?.replace(/^@/, '') ?? channel.snippet?.title ?? channel.id,
        channelUrl: handle
          ? `https://www.youtube.com/${handle.startsWith('@') ? handle : `@${handle}`}`
          : `https://www.youtube.com/channel/${channel.id}`,
      };
    },
    async fetchSnapshot(accessToken, channelId) {
      const id = encodeURIComponent(channelId);
      const [channels, live] = await Promise.all([
        get(accessToken, `/channels?part=statistics&id=${id}`),
        get(accessToken, `/search?part=id&channelId=${id}&eventType=live&type=video&maxResults=1`),
      ]);
      const statistics = parse(channelsResponse, channels, 'GET /channels').items[0]?.statistics;
      const videoId = parse(liveSearchResponse, live, 'GET /search').items[0]?.id.videoId;
      let viewers = 0;
      if (videoId) {
        const videos = parse(
          videosResponse,
          await get(
            accessToken,
            `/videos?part=liveStreamingDetails&id=${encodeURIComponent(videoId)}`,
          ),
          'GET /videos',
        );
        viewers = videos.items[0]?.liveStreamingDetails?.concurrentViewers ?? 0;
      }
      return {
        followers: statistics?.subscriberCount ?? 0,
        totalViews: statistics?.viewCount ?? null,
        live: Boolean(videoId),
        viewers,
      };
    },
  };
}
