'use client';

import type { AssetUse } from '@gametriggers/contracts';
import { Button, Select } from '@gametriggers/ui';
import { useRef } from 'react';
import { deleteMyAsset } from './asset-actions';
import { AssetUpload } from './asset-upload';
import type { AssetUploadState } from './asset-upload';

/** One document of a form being filled in: what it is, and its upload once checked. */
export interface DocumentDraft {
  /** React key only; rows are added and removed. */
  key: number;
  kind: string;
  /** The uploaded file once the asset service has checked it (`ready`); null before, or while another is on its way. */
  assetId: string | null;
  /** Where the row's upload stands (`idle` before a file is chosen). */
  step: AssetUploadState['step'];
}

export const blankDocumentDraft = (key: number): DocumentDraft => ({ key, kind: '', assetId: null, step: 'idle' });

/** Whether any row's file is still on its way (the form waits before sending). */
export const documentsBusy = (drafts: readonly DocumentDraft[]) =>
  drafts.some((draft) => draft.step === 'uploading' || draft.step === 'checking');

/**
 * Why rows cannot be sent yet, before asking the server: keyed `documents.<i>.assetId` like the
 * service's own refusals, so they show in the same place.
 */
export function unsentDocumentErrors(drafts: readonly DocumentDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  drafts.forEach((draft, index) => {
    if (draft.assetId) return;
    errors[`documents.${index}.assetId`] =
      draft.step === 'uploading' || draft.step === 'checking' || draft.step === 'slow'
        ? 'Wait until this file is uploaded and checked.'
        : draft.step === 'refused'
          ? 'This file was refused: upload another one, or remove this document.'
          : 'Upload the file, or remove this document.';
  });
  return errors;
}

export interface DocumentUploadsProps {
  role: 'brand' | 'streamer';
  /** The asset service's upload route for these documents (`verificationDocument`, `kycDocument`). */
  endpoint: AssetUse;
  /** What a document may be. */
  kinds: ReadonlyArray<{ id: string; label: string }>;
  drafts: readonly DocumentDraft[];
  onDraftsChange: (update: (drafts: DocumentDraft[]) => DocumentDraft[]) => void;
  /** Fewest rows kept (a required document: 1). */
  min: number;
  max: number;
  /** The form's message for an input path (`documents.0.kind`). */
  errorAt: (path: string) => string | undefined;
  /** Rows were removed: errors by position no longer match. */
  onRowsRemoved?: () => void;
  addLabel?: string;
  disabled?: boolean;
}

/**
 * The documents of a request: per row, what it is and a drop zone (`AssetUpload`) that uploads the
 * file, waits for the asset service's check and shows a refusal; rows are added and removed. A file
 * taken back before sending (its row removed, or another file chosen) is deleted from the person's
 * uploads. The form around it sends `{kind, assetId}` per row.
 */
export function DocumentUploads({
  role,
  endpoint,
  kinds,
  drafts,
  onDraftsChange,
  min,
  max,
  errorAt,
  onRowsRemoved,
  addLabel = 'Add another document',
  disabled = false,
}: DocumentUploadsProps) {
  // The rows as last rendered, for the upload callbacks (which outlive a render).
  const rowsNow = useRef(drafts);
  rowsNow.current = drafts;
  const options = kinds.map((kind) => ({ value: kind.id, label: kind.label }));

  const update = (key: number, patch: Partial<DocumentDraft>) =>
    onDraftsChange((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const discard = (assetId: string) => void deleteMyAsset(role, assetId);

  /** A row's upload moved on. Choosing another file abandons the checked one, which is deleted. */
  function uploadChanged(key: number, state: AssetUploadState) {
    const previous = rowsNow.current.find((row) => row.key === key)?.assetId;
    const assetId = state.step === 'ready' ? state.asset.assetId : null;
    if (previous && previous !== assetId) discard(previous);
    update(key, { step: state.step, assetId });
  }

  function remove(row: DocumentDraft) {
    if (row.assetId) discard(row.assetId);
    onDraftsChange((all) => all.filter((entry) => entry.key !== row.key));
    onRowsRemoved?.();
  }

  const nextKey = () => Math.max(-1, ...rowsNow.current.map((row) => row.key)) + 1;
  return (
    <div className="space-y-4">
      {drafts.length > 0 ? (
        <ol className="space-y-4">
          {drafts.map((row, index) => (
            <li key={row.key} data-testid="document-row" className="space-y-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
              <div className="flex items-end gap-3">
                <div className="min-w-0 flex-1">
                  <Select
                    id={`document-${row.key}-kind`}
                    label={`Document ${index + 1}`}
                    placeholder="What is it?"
                    options={options}
                    value={row.kind}
                    onChange={(event) => update(row.key, { kind: event.target.value })}
                    error={errorAt(`documents.${index}.kind`)}
                    disabled={disabled}
                  />
                </div>
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => remove(row)}
                  disabled={disabled || drafts.length <= min}
                  aria-label={`Remove document ${index + 1}`}
                  data-testid="remove-document"
                  className={errorAt(`documents.${index}.kind`) ? 'mb-6 shrink-0' : 'shrink-0'}
                >
                  Remove
                </Button>
              </div>
              <AssetUpload
                role={role}
                endpoint={endpoint}
                label={row.assetId ? 'Replace the file' : 'Upload the document'}
                onUploaded={() => undefined}
                onStateChange={(state) => uploadChanged(row.key, state)}
                error={errorAt(`documents.${index}.assetId`)}
                disabled={disabled}
              />
            </li>
          ))}
        </ol>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        onClick={() => onDraftsChange((all) => [...all, blankDocumentDraft(nextKey())])}
        disabled={disabled || drafts.length >= max}
        data-testid="add-document"
      >
        {drafts.length === 0 ? 'Add a document' : addLabel}
      </Button>
    </div>
  );
}
