import type { ConnectablePlatform } from '@gametriggers/contracts';
import type { StreamerPlatform } from '../generated/prisma/client';
import type { PlatformTokens } from '../platforms/platform-client';
import { PlatformAuthError } from '../platforms/platform-client';
import type { StreamerDeps } from './deps';
import { secretContext } from './secret-box';

/** Refresh this long before the stated expiry, so a call never races the clock. */
const EXPIRY_MARGIN_MS = 60_000;

export function encryptTokens(
  deps: StreamerDeps,
  owner: { streamerId: string; platform: ConnectablePlatform },
  tokens: PlatformTokens,
) {
  return {
    accessToken: deps.secrets.encrypt(
      tokens.accessToken,
      secretContext.accessToken(owner.streamerId, owner.platform),
    ),
    refreshToken:
      tokens.refreshToken === null
        ? null
        : deps.secrets.encrypt(
            tokens.refreshToken,
            secretContext.refreshToken(owner.streamerId, owner.platform),
          ),
    tokenExpiresAt: tokens.expiresAt,
  };
}

function decryptTokens(deps: StreamerDeps, row: StreamerPlatform): PlatformTokens {
  return {
    accessToken: deps.secrets.decrypt(
      row.accessToken,
      secretContext.accessToken(row.streamerId, row.platform),
    ),
    refreshToken:
      row.refreshToken === null
        ? null
        : deps.secrets.decrypt(
            row.refreshToken,
            secretContext.refreshToken(row.streamerId, row.platform),
          ),
    expiresAt: row.tokenExpiresAt,
  };
}

export const isExpired = (expiresAt: Date | null, now: Date) =>
  expiresAt !== null && expiresAt.getTime() - EXPIRY_MARGIN_MS <= now.getTime();

/**
 * Calls the platform with a valid access token: refreshes first when the stored one has expired,
 * and once more when the platform refuses it anyway (revoked, or expired early); keeps the new
 * tokens (encrypted).
 */
export async function withAccessToken<T>(
  deps: StreamerDeps,
  row: StreamerPlatform,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  const platform = row.platform as ConnectablePlatform;
  const client = deps.platforms[platform];
  let tokens = decryptTokens(deps, row);

  async function refresh() {
    if (!tokens.refreshToken)
      throw new PlatformAuthError(
        platform,
        `The ${platform} access token expired and cannot be refreshed`,
      );
    const fresh = await client.refresh(tokens.refreshToken);
    tokens = { ...fresh, refreshToken: fresh.refreshToken ?? tokens.refreshToken };
    await deps.db.streamerPlatform.update({
      where: { id: row.id },
      data: encryptTokens(deps, { streamerId: row.streamerId, platform }, tokens),
    });
  }

  let refreshed = false;
  if (isExpired(tokens.expiresAt, deps.now())) {
    await refresh();
    refreshed = true;
  }
  try {
    return await call(tokens.accessToken);
  } catch (error) {
    if (!(error instanceof PlatformAuthError) || refreshed) throw error;
    await refresh();
    return call(tokens.accessToken);
  }
}
