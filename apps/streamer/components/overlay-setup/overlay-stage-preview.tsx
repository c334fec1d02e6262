'use client';

import type { OverlayAnimation, OverlayCorner, OverlaySize } from '@gametriggers/contracts';
import { Button } from '@gametriggers/ui';
import type { CSSProperties } from 'react';
import { useEffect, useState } from 'react';
import { sizePercent } from './labels';
import type { PreviewAd } from './types';

const CLICK_TEXT = 'Type !sponsor in chat';

/**
 * The card as the OBS page draws it (apps/streamer/overlay-client/overlay-core.js), on a 16:9 stage
 * standing in for the stream: the stage is a size container, so `cqw` here is the page's `vw`.
 */
function cardStyle(
  corner: OverlayCorner,
  size: OverlaySize,
  opacity: number,
  animation: OverlayAnimation,
  hidden: boolean,
): CSSProperties {
  const [vertical, horizontal] = corner.split('_') as ['top' | 'bottom', 'left' | 'right'];
  return {
    position: 'absolute',
    width: `${sizePercent[size]}cqw`,
    [vertical]: '2cqw',
    [horizontal]: '2cqw',
    opacity: hidden && animation !== 'none' ? 0 : opacity,
    transform:
      hidden && animation === 'slide'
        ? `translateX(${horizontal === 'left' ? '-120%' : '120%'})`
        : 'none',
    transition: animation === 'none' ? 'none' : 'opacity 400ms ease, transform 400ms ease',
  };
}

/**
 * The sponsor card where the overlay will draw it on a 16:9 stream: corner, width and opacity as
 * set, and a replay of the animation.
 */
export function OverlayStagePreview({
  corner,
  size,
  opacity,
  animation,
  sample,
}: {
  corner: OverlayCorner;
  size: OverlaySize;
  opacity: number;
  animation: OverlayAnimation;
  sample: PreviewAd | undefined;
}) {
  const [hidden, setHidden] = useState(false);

  useEffect(() => {
    if (!hidden) return;
    const timer = setTimeout(() => setHidden(false), 600);
    return () => clearTimeout(timer);
  }, [hidden]);

  const shownOpacity = Number.isFinite(opacity) ? Math.min(1, Math.max(0.2, opacity)) : 1;
  const creative = sample?.creative;
  // A creative that does not load (moved, blocked) shows the stand-in card, not a broken image.
  const [failedUrl, setFailedUrl] = useState<string>();
  const hasCreative = creative
    ? /^https:\/\/\S+$/.test(creative.url) && failedUrl !== creative.url
    : false;
  const failed = () => setFailedUrl(creative?.url);

  return (
    <figure className="space-y-2" data-testid="overlay-stage-preview" data-corner={corner}>
      <div
        className="relative aspect-video w-full overflow-hidden rounded-xl bg-[radial-gradient(circle_at_30%_40%,#334155,#0f172a_70%)] ring-1 ring-slate-300"
        style={{ containerType: 'inline-size' }}
      >
        {/* A stand-in for gameplay: a horizon and a HUD, so the card reads as "on top of" a stream. */}
        <div
          aria-hidden
          className="absolute inset-x-0 bottom-0 h-2/5 bg-gradient-to-t from-emerald-900/70 to-transparent"
        />
        <div
          aria-hidden
          className="absolute top-[4%] left-1/2 h-[3%] w-[22%] -translate-x-1/2 rounded-full bg-white/10"
        />
        <span className="absolute top-1/2 left-1/2 -translate-x-1/2 -translate-y-1/2 text-[3.2cqw] font-semibold tracking-wide text-white/20 uppercase select-none">
          Your stream
        </span>
        <div
          data-testid="overlay-stage-card"
          style={cardStyle(corner, size, shownOpacity, animation, hidden)}
        >
          {hasCreative && creative?.type === 'video' ? (
            <video
              src={creative.url}
              muted
              autoPlay
              loop
              playsInline
              onError={failed}
              aria-label={creative.altText ?? undefined}
              className="block w-full rounded-[0.6cqw]"
            />
          ) : hasCreative && creative ? (
            // A plain img: creatives live on the brands' own hosts, as the overlay loads them.
            <img
              src={creative.url}
              alt={creative.altText ?? ''}
              onError={failed}
              ref={(image) => {
                // It may have failed before hydration, when onError was not listening yet.
                if (image?.complete && image.naturalWidth === 0) failed();
              }}
              className="block w-full rounded-[0.6cqw]"
            />
          ) : (
            <div className="grid aspect-video w-full place-items-center rounded-[0.6cqw] bg-gradient-to-br from-brand-500 to-brand-700 text-center text-[1.4cqw] font-semibold text-white">
              Sponsor’s ad
            </div>
          )}
          <div className="mt-[0.4cqw] rounded-[0.4cqw] bg-slate-900/80 px-[0.6cqw] py-[0.3cqw] text-center text-[1.1cqw] leading-[1.3] font-semibold text-white">
            {CLICK_TEXT}
          </div>
        </div>
      </div>
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span>
          {sample ? `Showing “${sample.title}”, one of your campaigns.` : 'A sample ad.'} Drawn to
          scale on a 1920 × 1080 stream.
        </span>
        {animation !== 'none' ? (
          <Button
            type="button"
            variant="ghost"
            className="px-2 py-1 text-xs"
            disabled={hidden}
            onClick={() => setHidden(true)}
          >
            Replay animation
          </Button>
        ) : null}
      </figcaption>
    </figure>
  );
}
