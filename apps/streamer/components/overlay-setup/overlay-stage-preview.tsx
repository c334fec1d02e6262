'use client';

import type { OverlayAnimation, OverlayCorner, OverlaySize } from '@gametriggers/contracts';
import { AdCard, Button } from '@gametriggers/ui';
import type { CSSProperties } from 'react';
import { useEffect, useState } from 'react';
import { sizePercent } from './labels';
import type { PreviewAd } from './types';

/**
 * Where the OBS page places the card (apps/streamer/overlay-client/overlay-core.js `cardStyle`), on
 * a 16:9 stage standing in for the stream: the stage is a size container, so `cqw` here is the
 * page's `vw`.
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
    fontSize: `${sizePercent[size] / 20}cqw`,
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

/** Before any campaign is joined: a brand-free sample (its creative is the card's fallback). */
const sampleAd = {
  creative: { type: 'image' as const, url: '' },
  brandName: 'Your sponsor',
  title: 'Their ad shows here',
};

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
        {/* The overlay's own card (the shared renderer), with this campaign's creative or a sample. */}
        <AdCard
          testId="overlay-stage-card"
          content={
            sample
              ? {
                  creative: sample.creative,
                  brandName: sample.brandName ?? 'Sponsor',
                  title: sample.title,
                  clickUrl: sample.clickThroughUrl,
                }
              : sampleAd
          }
          style={cardStyle(corner, size, shownOpacity, animation, hidden)}
        />
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
