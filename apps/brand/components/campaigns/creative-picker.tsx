'use client';

import type { AssetView } from '@gametriggers/contracts';
import { AssetUpload, listMyAssets } from '@gametriggers/auth/upload';
import type { AssetUploadState } from '@gametriggers/auth/upload';
import { Alert, Button, cn, focusRing, Spinner } from '@gametriggers/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChosenCreative } from './creative-choice';
import { chosenFromAsset } from './creative-choice';
import { CreativeModerationBadge, CreativeThumbnail } from './creative-thumbnail';

/** Uploads a campaign may take: checked, and not rejected by moderation. */
const usableUploads = { use: 'campaignCreative' as const, state: 'ready' as const, moderation: ['pending' as const, 'approved' as const] };
const PAGE_SIZE = 12;

type Source = 'upload' | 'library';

/** What a creative's moderation means for the campaign, in a sentence. */
function moderationNote(chosen: ChosenCreative) {
  switch (chosen.moderation) {
    case 'pending':
      return 'A moderator checks every new creative. You can save the draft now; it can be submitted for review once the creative is approved.';
    case 'approved':
      return 'Approved by moderation: the campaign can be submitted with it.';
    case 'rejected':
      return `Moderation rejected this creative${chosen.moderationReason ? `: ${chosen.moderationReason}` : ''}. Choose another.`;
    default:
      return chosen.assetId ? null : 'This campaign’s creative was set before uploads. Upload it to submit the campaign.';
  }
}

/** The creative the campaign has now: its still, name, kind and moderation. */
function ChosenCreativeCard({ chosen }: { chosen: ChosenCreative }) {
  const note = moderationNote(chosen);
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200 sm:flex-row sm:items-center" data-testid="chosen-creative" data-asset-id={chosen.assetId ?? ''}>
      <CreativeThumbnail creative={chosen} className="sm:w-40" />
      <div className="min-w-0 space-y-1.5 text-sm">
        <p className="truncate font-medium text-slate-900">{chosen.name ?? (chosen.type === 'video' ? 'Video creative' : 'Image creative')}</p>
        <p className="flex flex-wrap items-center gap-2 text-slate-600">
          {chosen.type === 'video' ? 'Video' : 'Image'}
          <CreativeModerationBadge moderation={chosen.moderation} />
        </p>
        {note ? <p className="text-slate-600">{note}</p> : null}
      </div>
    </div>
  );
}

/** The brand's earlier uploads that a campaign may take, newest first, to pick one. */
function UploadLibrary({ chosenId, onChoose }: { chosenId: string | null; onChoose: (asset: AssetView) => void }) {
  const [items, setItems] = useState<AssetView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (after?: string) => {
    setLoading(true);
    const result = await listMyAssets('brand', { ...usableUploads, limit: PAGE_SIZE, ...(after ? { cursor: after } : {}) });
    setLoading(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setItems((current) => [...(after ? (current ?? []) : []), ...result.data.items]);
    setCursor(result.data.nextCursor);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert title="Your uploads could not be loaded">{error}</Alert>;
  if (!items) return <Spinner label="Loading your uploads" />;
  if (items.length === 0) {
    return <p className="text-sm text-slate-600" data-testid="creative-library-empty">No uploads yet. Upload a file instead.</p>;
  }
  return (
    <div className="space-y-3">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="creative-library">
        {items.map((asset) => {
          const chosen = chosenFromAsset(asset);
          if (!chosen) return null;
          const selected = asset.assetId === chosenId;
          return (
            <li key={asset.assetId}>
              <button
                type="button"
                onClick={() => onChoose(asset)}
                aria-pressed={selected}
                data-testid="creative-library-item"
                className={cn(
                  'w-full space-y-1.5 rounded-xl p-2 text-left ring-1 transition',
                  focusRing,
                  selected ? 'bg-brand-50 ring-2 ring-brand-600' : 'bg-white ring-slate-200 hover:ring-brand-400',
                )}
              >
                <CreativeThumbnail creative={chosen} />
                <span className="block truncate text-xs font-medium text-slate-800">{asset.name}</span>
                <CreativeModerationBadge moderation={asset.moderation} />
              </button>
            </li>
          );
        })}
      </ul>
      {cursor ? (
        <Button type="button" variant="secondary" loading={loading} onClick={() => void load(cursor)}>
          Show more
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The creative step's picker: the creative chosen so far, then a new upload (drop zone, progress,
 * the service's check) or one of the brand's earlier uploads. `onPreview` gets what the overlay
 * preview should show meanwhile (the local file while it uploads).
 */
export function CreativePicker({
  chosen,
  onChoose,
  onPreview,
  error,
  locked,
}: {
  chosen: ChosenCreative | null;
  onChoose: (creative: ChosenCreative) => void;
  onPreview: (preview: { type: 'image' | 'video'; url: string } | null) => void;
  error: string | undefined;
  /** A live campaign keeps its creative. */
  locked: boolean;
}) {
  const [source, setSource] = useState<Source>('upload');
  // The file being uploaded, shown from the browser's memory until the checked upload replaces it.
  const localPreview = useRef<{ file: File; url: string } | null>(null);
  const dropLocalPreview = useCallback(() => {
    if (localPreview.current) URL.revokeObjectURL(localPreview.current.url);
    localPreview.current = null;
  }, []);
  useEffect(() => dropLocalPreview, [dropLocalPreview]);

  const uploadChanged = (state: AssetUploadState) => {
    if (state.step === 'uploading' || state.step === 'checking') {
      if (localPreview.current?.file !== state.file) {
        dropLocalPreview();
        localPreview.current = { file: state.file, url: URL.createObjectURL(state.file) };
        onPreview({ type: state.file.type.startsWith('video/') ? 'video' : 'image', url: localPreview.current.url });
      }
      return;
    }
    dropLocalPreview();
    onPreview(null);
  };

  const choose = (asset: AssetView) => {
    const creative = chosenFromAsset(asset);
    if (creative) onChoose(creative);
  };

  return (
    <div className="space-y-4" data-testid="creative-picker">
      <div>
        <p className="text-sm font-medium text-slate-800">Creative</p>
        <p className="text-sm text-slate-500">An image or a short video, shown in a corner of the stream.</p>
      </div>
      {chosen ? <ChosenCreativeCard chosen={chosen} /> : null}
      {locked ? null : (
        <>
          <div role="tablist" aria-label="Where the creative comes from" className="inline-flex rounded-lg bg-slate-100 p-1 text-sm">
            {(
              [
                ['upload', chosen ? 'Upload another file' : 'Upload a file'],
                ['library', 'Choose from your uploads'],
              ] as const
            ).map(([value, label]) => (
              <button
                key={value}
                type="button"
                role="tab"
                aria-selected={source === value}
                onClick={() => setSource(value)}
                className={cn('rounded-md px-3 py-1.5 font-medium', focusRing, source === value ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600')}
              >
                {label}
              </button>
            ))}
          </div>
          {source === 'upload' ? (
            <AssetUpload
              role="brand"
              endpoint="campaignCreative"
              label={chosen ? 'Upload another creative' : 'Upload the creative'}
              onUploaded={(_assetId, asset) => choose(asset)}
              onStateChange={uploadChanged}
              error={error}
            />
          ) : (
            <>
              <UploadLibrary chosenId={chosen?.assetId ?? null} onChoose={choose} />
              {error ? <p className="text-sm text-red-600">{error}</p> : null}
            </>
          )}
        </>
      )}
    </div>
  );
}
