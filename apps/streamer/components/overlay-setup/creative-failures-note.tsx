import { Alert } from '@gametriggers/ui';
import { LocalTime } from '../participation/local-time';
import type { CreativeFailure, PreviewAd } from './types';

/**
 * "Creative not loading": the campaigns whose creative your overlay could not load lately, so your
 * viewers saw the card's fallback (brand, title, link) instead. The brand sees the same on its side.
 */
export function CreativeFailuresNote({
  failures,
  ads,
}: {
  failures: CreativeFailure[];
  ads: PreviewAd[];
}) {
  if (failures.length === 0) return null;
  const titleOf = new Map(ads.map((ad) => [ad.campaignId, ad.title]));
  return (
    <div data-testid="creative-not-loading">
      <Alert tone="warning" title="Creative not loading">
        <p>
          Your overlay could not load these sponsors’ creatives, so it showed their fallback card
          (brand, title and link) instead. The brands have been told.
        </p>
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {failures.map((failure) => (
            <li key={failure.participationId}>
              <span className="font-medium">{titleOf.get(failure.campaignId) ?? 'A campaign you ran'}</span>
              {' — last '}
              <LocalTime date={failure.lastFailedAt} />
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
