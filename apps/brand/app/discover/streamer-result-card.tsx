import type { RouterOutputs } from '@gametriggers/api';
import { Badge } from '@gametriggers/ui';
import {
  averageViewersSource,
  categoryLabel,
  countryLabel,
  formatCount,
  languageLabel,
  platformLabels,
} from './format';

export type StreamerResult = RouterOutputs['streamer']['search']['items'][number];

export function StreamerResultCard({ streamer }: { streamer: StreamerResult }) {
  return (
    <li
      className="flex flex-col rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      data-testid="streamer-result"
      data-streamer-id={streamer.streamerId}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="truncate font-semibold text-slate-900" data-testid="result-name">
            {streamer.displayName}
          </h3>
          <p className="mt-0.5 text-sm text-slate-500">
            {languageLabel(streamer.language)} · {countryLabel(streamer.country)}
          </p>
        </div>
        {streamer.live ? (
          <span className="shrink-0 whitespace-nowrap">
            <Badge tone="danger" data-testid="result-live">
              ● Live
            </Badge>
          </span>
        ) : null}
      </div>
      <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Categories">
        {streamer.categories.map((category, index) => (
          <li key={category}>
            <Badge tone={index === 0 ? 'brand' : 'neutral'}>{categoryLabel(category)}</Badge>
          </li>
        ))}
      </ul>
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
        <div className="rounded-xl bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-500">Followers</dt>
          <dd
            className="text-lg font-semibold text-slate-900"
            data-testid="result-followers"
            title={streamer.followers.toLocaleString('en')}
          >
            {formatCount(streamer.followers)}
          </dd>
        </div>
        <div className="rounded-xl bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-500">Avg. viewers</dt>
          <dd
            className="text-lg font-semibold text-slate-900"
            data-testid="result-average-viewers"
            title={streamer.averageViewers.toLocaleString('en')}
          >
            {formatCount(streamer.averageViewers)}
          </dd>
          <dd className="text-xs text-slate-500" data-testid="result-average-viewers-source">
            {averageViewersSource(streamer.platforms)}
          </dd>
        </div>
      </dl>
      <p
        className="mt-2 text-sm text-slate-600"
        title="Reputation points: campaigns completed cleanly, less removals for fraud"
      >
        Reputation <span className="font-semibold text-slate-900" data-testid="result-reputation">{streamer.reputation.toLocaleString('en')} RP</span>
      </p>
      <div className="mt-4 flex flex-wrap gap-x-4 gap-y-1 border-t border-slate-100 pt-3 text-sm">
        {streamer.platforms.length ? (
          streamer.platforms.map((platform) => (
            <a
              key={platform.platform}
              href={platform.channelUrl}
              target="_blank"
              rel="noreferrer"
              className="font-medium text-brand-700 hover:underline"
              data-testid="result-channel-link"
            >
              {platformLabels[platform.platform]}: {platform.username}
              {platform.verified ? <span className="sr-only"> (verified)</span> : null} ↗
            </a>
          ))
        ) : (
          <span className="text-slate-500">No channel connected yet</span>
        )}
      </div>
    </li>
  );
}
