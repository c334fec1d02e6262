import type { ActionResult } from '@gametriggers/auth/portal';
import { connectablePlatforms } from '@gametriggers/contracts';
import type { ConnectablePlatform, StreamingPlatform } from '@gametriggers/contracts';
import { Badge } from '@gametriggers/ui';
import { ConnectButton } from './connect-button';
import { DisconnectButton } from './disconnect-button';
import { formatAgo, formatCount, platformLabels } from './formatting';
import type { ConnectedPlatform } from './types';

const platformBlurb: Record<ConnectablePlatform, string> = {
  twitch: 'Verifies your channel and keeps followers, live status and average viewers up to date.',
  youtube: 'Adds your subscribers and live viewers; the best of your platforms counts.',
};

/** Each connectable platform: its channel and numbers when connected, else a connect button. */
export function PlatformList({
  platforms,
  returnTo,
  startConnect,
  disconnect,
}: {
  platforms: readonly ConnectedPlatform[];
  returnTo: string;
  startConnect: (platform: ConnectablePlatform, returnTo: string) => Promise<ActionResult<null>>;
  disconnect: (platform: StreamingPlatform) => Promise<ActionResult<null>>;
}) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="platform-list">
      {connectablePlatforms.map((platform) => {
        const connected = platforms.find((entry) => entry.platform === platform);
        return (
          <li
            key={platform}
            className="py-5 first:pt-0 last:pb-0"
            data-testid={`platform-${platform}`}
          >
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold text-slate-900">{platformLabels[platform]}</h3>
                  {connected ? (
                    <>
                      {connected.verified ? <Badge tone="success">Verified</Badge> : null}
                      {connected.live ? (
                        <Badge tone="danger" data-testid={`platform-${platform}-live`}>
                          ● Live
                        </Badge>
                      ) : (
                        <Badge tone="neutral" data-testid={`platform-${platform}-offline`}>
                          Offline
                        </Badge>
                      )}
                    </>
                  ) : (
                    <Badge tone="neutral">Not connected</Badge>
                  )}
                </div>
                {connected ? (
                  <p className="mt-1 text-sm text-slate-600">
                    <a
                      href={connected.channelUrl}
                      target="_blank"
                      rel="noreferrer"
                      className="font-medium text-brand-700 hover:underline"
                      data-testid={`platform-${platform}-channel`}
                    >
                      {connected.username}
                    </a>{' '}
                    · last synced {formatAgo(connected.lastSyncedAt)}
                  </p>
                ) : (
                  <p className="mt-1 max-w-prose text-sm text-slate-600">
                    {platformBlurb[platform]}
                  </p>
                )}
              </div>
              {connected ? (
                <DisconnectButton platform={platform} disconnect={disconnect} />
              ) : (
                <ConnectButton
                  platform={platform}
                  returnTo={returnTo}
                  start={startConnect}
                  variant="secondary"
                />
              )}
            </div>
            {connected ? (
              <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                {(
                  [
                    ['Followers', connected.metrics.followers, 'followers'],
                    [
                      'Avg. viewers live (30 days)',
                      connected.metrics.averageViewers,
                      'average-viewers',
                    ],
                    ['Total views', connected.metrics.totalViews, 'total-views'],
                    ['Hours live (30 days)', connected.metrics.monthlyHours, 'monthly-hours'],
                  ] as const
                ).map(([label, value, id]) => (
                  <div key={id} className="rounded-xl bg-slate-50 px-3 py-2">
                    <dt className="text-xs text-slate-500">{label}</dt>
                    <dd
                      className="text-base font-semibold text-slate-900"
                      data-testid={`platform-${platform}-${id}`}
                      title={value.toLocaleString('en')}
                    >
                      {formatCount(value)}
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
