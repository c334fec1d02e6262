import type { ConnectablePlatform } from '@gametriggers/contracts';

export interface PlatformTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

/** Who the tokens belong to. */
export interface PlatformChannel {
  channelId: string;
  username: string;
  channelUrl: string;
}

/** What a metrics sync reads. */
export interface PlatformSnapshot {
  followers: number;
  /** Null when the platform does not report it. */
  totalViews: number | null;
  live: boolean;
  /** Concurrent viewers while live, else 0. */
  viewers: number;
}

/** One streaming platform's OAuth and read API, as the service needs it. */
export interface PlatformClient {
  platform: ConnectablePlatform;
  authorizationUrl(input: { redirectUri: string; state: string }): string;
  exchangeCode(input: { code: string; redirectUri: string }): Promise<PlatformTokens>;
  refresh(refreshToken: string): Promise<PlatformTokens>;
  fetchChannel(accessToken: string): Promise<PlatformChannel>;
  fetchSnapshot(accessToken: string, channelId: string): Promise<PlatformSnapshot>;
}

/** The platform refused the credentials (expired or revoked token, rejected code). */
export class PlatformAuthError extends Error {
  constructor(
    readonly platform: ConnectablePlatform,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformAuthError';
  }
}

/** The platform answered with an unexpected status or body, or did not answer. */
export class PlatformUnavailableError extends Error {
  constructor(
    readonly platform: ConnectablePlatform,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformUnavailableError';
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * `fetch` with a timeout that maps transport failures and refusals to the errors above. Token
 * endpoints answer a rejected code or refresh token with 400, so they pass `[400, 401, 403]`.
 */
export async function platformRequest(
  platform: ConnectablePlatform,
  url: string,
  init: RequestInit,
  authFailureStatuses: readonly number[] = [401],
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new PlatformUnavailableError(
      platform,
      `${platform} did not answer: ${(error as Error).message}`,
    );
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (authFailureStatuses.includes(response.status)) {
    const described = body as { message?: string; error_description?: string } | undefined;
    const message = described?.message ?? described?.error_description ?? `HTTP ${response.status}`;
    throw new PlatformAuthError(platform, `${platform} refused the credentials: ${message}`);
  }
  if (!response.ok || body === undefined) {
    throw new PlatformUnavailableError(
      platform,
      `${platform} answered HTTP ${response.status} for ${new URL(url).pathname}`,
    );
  }
  return body;
}

export function expiresAtFrom(expiresInSeconds: number | undefined, now: Date): Date | null {
  return typeof expiresInSeconds === 'number'
    ? new Date(now.getTime() + expiresInSeconds * 1000)
    : null;
}
