'use client';

import { Alert, Button, Card } from '@gametriggers/ui';
import { useState } from 'react';
import { regenerateOverlayKey } from '../../app/overlay/actions';
import { CopyButton } from './copy-button';
import { ObsSetupSteps } from './obs-setup-steps';

/**
 * The OBS link, to copy as often as needed (the service keeps the key encrypted for its owner).
 * An overlay made before keys were kept has none to show: only its prefix, and a new link to make.
 */
export function OverlayLinkPanel({
  portalUrl,
  initialKey,
  keyPrefix,
  keyGeneratedAt,
}: {
  portalUrl: string;
  initialKey: string | null;
  keyPrefix: string;
  keyGeneratedAt: Date;
}) {
  const [key, setKey] = useState(initialKey);
  const [prefix, setPrefix] = useState(keyPrefix);
  const [generatedAt, setGeneratedAt] = useState(keyGeneratedAt);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  // Masked by default: this page may be on screen while streaming.
  const [revealed, setRevealed] = useState(false);
  const [renewed, setRenewed] = useState(false);

  async function regenerate() {
    setPending(true);
    setError(undefined);
    try {
      const result = await regenerateOverlayKey();
      if (result.ok) {
        setKey(result.data.key);
        setPrefix(result.data.keyPrefix);
        setGeneratedAt(result.data.keyGeneratedAt);
        setConfirming(false);
        setRenewed(true);
      } else {
        setError(result.error.message);
      }
    } finally {
      setPending(false);
    }
  }

  const url = key ? `${portalUrl}/overlay/${key}` : null;
  const created = generatedAt.toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Your OBS link</h2>
          <p className="mt-1 text-sm text-slate-600">
            One browser source shows every sponsor you run. Keep the link private: anyone with it
            can show your overlay.
          </p>
        </div>
        {!confirming ? (
          <Button
            type="button"
            variant="secondary"
            data-testid="regenerate-overlay-key"
            onClick={() => {
              setConfirming(true);
              setRenewed(false);
            }}
          >
            Create a new link
          </Button>
        ) : null}
      </div>

      {confirming ? (
        <div
          data-testid="regenerate-confirmation"
          className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <p>
            Create a new link? <strong>The old link stops working at once</strong>: ads stop showing
            in OBS until you paste the new link there.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button
              type="button"
              variant="danger"
              data-testid="confirm-regenerate"
              loading={pending}
              onClick={() => void regenerate()}
            >
              Create a new link
            </Button>
            <Button
              type="button"
              variant="ghost"
              disabled={pending}
              onClick={() => setConfirming(false)}
            >
              Keep my link
            </Button>
          </div>
        </div>
      ) : null}
      {error ? (
        <div className="mt-4">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {renewed ? (
        <div className="mt-4">
          <Alert tone="success" title="New link created">
            Copy it into your OBS browser source: the old link no longer shows ads.
          </Alert>
        </div>
      ) : null}

      {url ? (
        <div className="mt-5 space-y-4">
          <div>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
              <input
                readOnly
                aria-label="Your overlay link"
                data-testid="overlay-url"
                data-revealed={revealed}
                value={revealed ? url : `${portalUrl}/overlay/${prefix}${'•'.repeat(16)}`}
                onFocus={(event) => event.currentTarget.select()}
                className="block w-full min-w-0 rounded-lg border-0 bg-slate-50 px-3 py-2.5 font-mono text-xs text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600 focus:outline-none sm:text-sm"
              />
              <div className="flex gap-2 sm:items-start">
                <Button
                  type="button"
                  variant="ghost"
                  data-testid="reveal-overlay-url"
                  aria-pressed={revealed}
                  onClick={() => setRevealed(!revealed)}
                >
                  {revealed ? 'Hide' : 'Show'}
                </Button>
                <CopyButton text={url} testId="copy-overlay-url" />
              </div>
            </div>
            <p className="mt-2 text-xs text-slate-500">
              Created {created}. Copy it whenever you need it, e.g. for a second scene: the same
              link works everywhere at once. Hidden here in case this page is on stream.
            </p>
          </div>
        </div>
      ) : (
        <div className="mt-5 rounded-xl bg-slate-50 p-4 text-sm text-slate-700 ring-1 ring-slate-200">
          <p>
            Your current link starts with{' '}
            <code data-testid="overlay-key-prefix" className="font-mono font-semibold">
              /overlay/{prefix}…
            </code>{' '}
            (created {created}).
          </p>
          <p className="mt-2">
            This link was made before we kept links to show again, so we can’t show it. Already in
            OBS? Nothing to do. To see and copy your link here, <strong>create a new link</strong>{' '}
            and paste that into OBS.
          </p>
        </div>
      )}

      <div className="mt-5">
        <h3 className="mb-3 text-sm font-semibold text-slate-900">Add it to OBS</h3>
        <ObsSetupSteps />
      </div>
    </Card>
  );
}
