'use client';

import type { CSSProperties } from 'react';
import { useEffect, useRef } from 'react';
import type { AdCardContent } from './ad-card/ad-card.js';
import { AD_CARD_CSS, renderAdCard } from './ad-card/ad-card.js';
import { cn } from './cn';

/** The card's width in the preview, in % of the stand-in stream (streamers choose 5–100 %). */
const PREVIEW_CARD_PERCENT = 40;

/**
 * The sponsor card exactly as the OBS overlay draws it: the same `renderAdCard`, mounted in a box
 * that the caller sizes and places (its font-size scales the card's inside, as on the page).
 */
export function AdCard({
  content,
  testId = 'ad-preview-card',
  className,
  style,
}: {
  content: AdCardContent;
  testId?: string;
  className?: string;
  style?: CSSProperties;
}) {
  const slot = useRef<HTMLDivElement>(null);
  const { creative, brandName, title, clickUrl } = content;
  const { type, url, altText } = creative;

  useEffect(() => {
    const host = slot.current;
    if (!host) return;
    const card = renderAdCard(
      document,
      { creative: { type, url, altText }, brandName, title, clickUrl },
      // A preview may show the file being uploaded, from the browser's memory.
      { testId, allowBlobUrls: true },
    );
    host.replaceChildren(card.element);
    return () => {
      card.dispose();
      host.replaceChildren();
    };
  }, [type, url, altText, brandName, title, clickUrl, testId]);

  return (
    <>
      <style href="gametriggers-ad-card" precedence="default">
        {AD_CARD_CSS}
      </style>
      <div ref={slot} className={className} style={style} />
    </>
  );
}

/**
 * The card in a corner of a stand-in stream, for brands and streamers looking at a campaign: the
 * creative, or the fallback card when it does not load, always labelled "Sponsored" with the
 * brand's name, the headline and the link.
 */
export function AdCardPreview({
  creative,
  brandName,
  title,
  clickThroughUrl,
  adDurationSeconds,
  className,
}: {
  creative: AdCardContent['creative'];
  brandName: string;
  title: string;
  clickThroughUrl: string;
  adDurationSeconds?: number | undefined;
  className?: string;
}) {
  return (
    <figure
      data-testid="ad-preview"
      className={cn(
        'relative aspect-video w-full overflow-hidden rounded-2xl bg-gradient-to-br from-slate-700 via-slate-800 to-slate-950 shadow-inner ring-1 ring-slate-200 [container-type:inline-size]',
        className,
      )}
    >
      <figcaption className="absolute top-3 left-3 rounded-full bg-black/40 px-2.5 py-1 text-[11px] font-medium tracking-wide text-white/80 uppercase">
        Overlay preview
        {adDurationSeconds ? ` · ${adDurationSeconds} s on screen` : ''}
      </figcaption>
      {/* Placed as the overlay places it: 2 % from the corner, its text scaled to its width. */}
      <AdCard
        content={{
          creative,
          brandName: brandName || 'Your brand',
          title: title || 'Your campaign title',
          clickUrl: clickThroughUrl,
        }}
        className="absolute right-[2cqw] bottom-[2cqw]"
        style={{ width: `${PREVIEW_CARD_PERCENT}cqw`, fontSize: `${PREVIEW_CARD_PERCENT / 20}cqw` }}
      />
    </figure>
  );
}
