'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { Alert, Badge, Button, Card } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ReactNode } from 'react';
import { noAdReasons } from './labels';
import type { Overlay, OverlayPreview, PreviewAd, TestFire } from './types';

/** The service's refusals of a test-fire, in words a streamer can act on. */
const testFireRefusals: Record<string, { title: string; text: string }> = {
  no_live_ad: {
    title: 'There is no ad to test yet',
    text: 'Your overlay has no active campaign. Join one in the marketplace; once it is active, its ad can be tested here.',
  },
  participation_not_live: {
    title: 'That campaign is not active on your overlay any more',
    text: 'It was paused, ended or removed since this page loaded. Check again for the current list and test another one.',
  },
};

type Outcome =
  | { kind: 'fired'; title: string; seconds: number }
  | { kind: 'refused'; title: string; text: string };

function hostOf(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function AdThumbnail({ ad }: { ad: PreviewAd }) {
  // A creative that does not load (moved, blocked) shows the stand-in, not a broken image.
  const [failedUrl, setFailedUrl] = useState<string>();
  const usable = /^https?:\/\/\S+$/.test(ad.creative.url) && failedUrl !== ad.creative.url;
  const failed = () => setFailedUrl(ad.creative.url);
  return (
    <div className="aspect-video w-28 shrink-0 overflow-hidden rounded-md bg-slate-100 ring-1 ring-slate-200">
      {usable && ad.creative.type === 'video' ? (
        <video
          src={ad.creative.url}
          muted
          playsInline
          onError={failed}
          className="size-full object-cover"
        />
      ) : usable ? (
        <img
          src={ad.creative.url}
          alt={ad.creative.altText ?? ''}
          onError={failed}
          ref={(image) => {
            // It may have failed before hydration, when onError was not listening yet.
            if (image?.complete && image.naturalWidth === 0) failed();
          }}
          className="size-full object-cover"
        />
      ) : (
        <span className="grid size-full place-items-center px-1 text-center text-[10px] text-slate-500">
          {ad.creative.type === 'video' ? 'Video' : 'Image'} not available
        </span>
      )}
    </div>
  );
}

/**
 * What the overlay does now: live or not, paused or not, the ads in rotation with the one
 * selection would pick (or why none), a pause switch and test-fires.
 */
export function RotationPanel({
  paused,
  preview,
  setPaused,
  testFire,
  obsConnection,
}: {
  paused: boolean;
  preview: OverlayPreview | null;
  setPaused: (paused: boolean) => Promise<ActionResult<Overlay>>;
  testFire: (participationId?: string) => Promise<ActionResult<TestFire>>;
  /** Whether OBS has the overlay open, live (`ObsConnectionStatus`). */
  obsConnection?: ReactNode;
}) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [pausing, setPausing] = useState(false);
  const [firing, setFiring] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<string>();

  async function togglePause() {
    setPausing(true);
    setError(undefined);
    try {
      const result = await setPaused(!paused);
      if (!result.ok) setError(result.error.message);
    } finally {
      setPausing(false);
    }
  }

  async function fire(participationId?: string) {
    setFiring(participationId ?? 'any');
    setOutcome(undefined);
    setError(undefined);
    try {
      const result = await testFire(participationId);
      if (result.ok) {
        const ad = preview?.ads.find(
          (entry) => entry.participationId === result.data.participationId,
        );
        setOutcome({
          kind: 'fired',
          title: ad?.title ?? 'An ad',
          seconds: result.data.durationSeconds,
        });
      } else {
        const refusal = result.error.reason ? testFireRefusals[result.error.reason] : undefined;
        setOutcome({
          kind: 'refused',
          title: refusal?.title ?? 'The test did not go out',
          text: refusal?.text ?? result.error.message,
        });
      }
    } finally {
      setFiring(null);
    }
  }

  const selection = preview?.selection;
  const nextId = selection?.kind === 'show' ? selection.participationId : undefined;
  const verdict = selection?.kind === 'none' ? noAdReasons[selection.reason] : undefined;
  const next = preview?.ads.find((ad) => ad.participationId === nextId);

  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Right now</h2>
          <div className="mt-2 flex flex-wrap gap-2" data-testid="overlay-status">
            {preview ? (
              preview.live ? (
                <Badge tone="success">Live</Badge>
              ) : (
                <Badge tone="neutral">Offline</Badge>
              )
            ) : null}
            {paused ? (
              <Badge tone="warning" data-testid="overlay-paused">
                Overlay paused
              </Badge>
            ) : (
              <Badge tone="brand">Overlay on</Badge>
            )}
          </div>
        </div>
        <Button
          type="button"
          variant={paused ? 'primary' : 'secondary'}
          loading={pausing}
          data-testid="toggle-overlay-pause"
          onClick={() => void togglePause()}
        >
          {paused ? 'Resume ads' : 'Pause ads'}
        </Button>
      </div>
      {obsConnection}
      <p className="mt-3 text-sm text-slate-600">
        {paused
          ? 'No ad shows in OBS until you resume. Test ads still show, so you can check your scene.'
          : 'Pausing takes the ad on show down at once and keeps new ones away until you resume.'}
      </p>

      {error ? (
        <div className="mt-4">
          <Alert>{error}</Alert>
        </div>
      ) : null}

      <div className="mt-5 border-t border-slate-200 pt-5">
        {!preview ? (
          <Alert tone="warning" title="Your campaigns could not be loaded">
            We could not check what your overlay would show. Your overlay keeps working; try again
            in a minute.
          </Alert>
        ) : (
          <div data-testid="overlay-selection" data-kind={selection?.kind}>
            {next ? (
              <p className="text-sm text-slate-700">
                <span className="font-semibold text-slate-900">Up next: </span>“{next.title}”
                {preview.live ? ' shows at the next turn.' : ' shows first when you go live.'}
              </p>
            ) : verdict ? (
              <div>
                <p className="text-sm font-semibold text-slate-900">{verdict.title}</p>
                <p className="mt-0.5 text-sm text-slate-600">{verdict.text}</p>
              </div>
            ) : null}
          </div>
        )}
      </div>

      {preview && preview.ads.length > 0 ? (
        <div className="mt-5">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-sm font-semibold text-slate-900">
              In rotation ({preview.ads.length})
            </h3>
            <Button
              type="button"
              variant="secondary"
              loading={firing === 'any'}
              disabled={firing !== null}
              data-testid="test-fire-any"
              onClick={() => void fire()}
            >
              Test the next ad
            </Button>
          </div>
          <ul className="mt-3 divide-y divide-slate-100" data-testid="rotation-list">
            {preview.ads.map((ad) => (
              <li
                key={ad.participationId}
                data-testid="rotation-ad"
                className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center"
              >
                <div className="flex min-w-0 flex-1 items-center gap-3">
                  <AdThumbnail ad={ad} />
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="truncate font-medium text-slate-900">{ad.title}</span>
                      {ad.participationId === nextId ? <Badge tone="success">Up next</Badge> : null}
                    </p>
                    <p className="truncate text-xs text-slate-500">
                      {ad.brandName ?? 'A brand'} · {ad.durationSeconds} s ·{' '}
                      {hostOf(ad.clickThroughUrl)}
                    </p>
                  </div>
                </div>
                <Button
                  type="button"
                  variant="ghost"
                  className="self-start px-3 py-1.5 sm:self-center"
                  loading={firing === ad.participationId}
                  disabled={firing !== null}
                  data-testid="test-fire-ad"
                  onClick={() => void fire(ad.participationId)}
                >
                  Test this ad
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : preview ? (
        <div className="mt-5 rounded-lg bg-slate-50 p-4 text-sm text-slate-600 ring-1 ring-slate-200">
          <p>No campaign is active on your overlay, so there is nothing to test yet.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <a href="/marketplace" className="font-medium text-brand-700 underline">
              Find a campaign
            </a>
            <Button
              type="button"
              variant="ghost"
              className="px-2 py-0.5 text-sm"
              loading={firing === 'any'}
              data-testid="test-fire-any"
              onClick={() => void fire()}
            >
              Try a test anyway
            </Button>
          </div>
        </div>
      ) : null}

      {outcome ? (
        <div className="mt-4" data-testid="test-fire-outcome" data-kind={outcome.kind}>
          {outcome.kind === 'fired' ? (
            <Alert tone="success" title="Sent to your overlay">
              “{outcome.title}” shows in OBS for {outcome.seconds} seconds. Test ads are not counted
              or paid, and do not use up your hourly limit.
            </Alert>
          ) : (
            <Alert tone="warning" title={outcome.title}>
              {outcome.text}
            </Alert>
          )}
        </div>
      ) : null}

      <div className="mt-4 flex justify-end">
        <Button
          type="button"
          variant="ghost"
          className="px-2 py-1 text-xs"
          loading={refreshing}
          onClick={() => startRefresh(() => router.refresh())}
        >
          Check again
        </Button>
      </div>
    </Card>
  );
}
