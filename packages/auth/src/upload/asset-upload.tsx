'use client';

import type { AssetKind, AssetUse, AssetView } from '@gametriggers/contracts';
import { Button, cn, focusRing, Spinner } from '@gametriggers/ui';
import { generateReactHelpers, useDropzone } from '@uploadthing/react';
import type { FileRouter } from 'uploadthing/types';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { loadAsset } from './asset-actions';
import { acceptedTypes, fileRefusal, uploadHints } from './upload-accepts';
import { UPLOAD_ROUTE } from './upload-path';

/** Where the upload stands; each state is one thing the component shows. */
export type AssetUploadState =
  | { step: 'idle'; note?: string }
  | { step: 'uploading'; file: File; progress: number }
  | { step: 'failed'; file: File; message: string; retryable: boolean }
  | { step: 'checking'; file: File; assetId: string }
  | { step: 'slow'; file: File; assetId: string }
  | { step: 'ready'; asset: AssetView }
  | { step: 'refused'; asset: AssetView };

export interface AssetUploadProps {
  /** The portal the component is on: its upload route and sign-in settings. */
  role: 'brand' | 'streamer';
  /** The upload route of the asset service, i.e. what the file is for. */
  endpoint: AssetUse;
  /** Narrows the use's kinds (a creative: `['image']`); all of the use's by default. */
  kinds?: readonly AssetKind[];
  /** The drop zone's label, e.g. "Upload the creative". */
  label: string;
  /** Replaces what the drop zone says it takes (the use's types and limits). */
  hint?: string;
  /** The file passed the service's check: its asset id (and the asset) for the form. */
  onUploaded: (assetId: string, asset: AssetView) => void;
  /** Every change of state (to show a preview while checking, or clear a chosen asset). */
  onStateChange?: (state: AssetUploadState) => void;
  /** A refusal of the form around it (e.g. `creative.assetId`), shown under the drop zone. */
  error?: string | undefined;
  disabled?: boolean;
  /** How often the asset is asked for while it is being checked. */
  pollEveryMs?: number;
  /** After this long checking, the component says so and offers to look again. */
  patienceMs?: number;
  className?: string;
}

const MB = 1024 * 1024;
const sizeOf = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The client of the portal's own `/api/uploadthing` (made in the browser: a relative URL needs `window`). */
let uploadClient: ReturnType<typeof generateReactHelpers<FileRouter>> | undefined;
const uploader = () => (uploadClient ??= generateReactHelpers<FileRouter>({ url: UPLOAD_ROUTE }));

function assetIdOf(serverData: unknown): string | null {
  const assetId = (serverData as { assetId?: unknown } | null)?.assetId;
  return typeof assetId === 'string' ? assetId : null;
}

/** What a failed upload tells a person: the route's own refusal, else a plain sentence. */
function uploadFailureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/sign in|session/i.test(message)) return message;
  if (/only .* accounts/i.test(message)) return message;
  if (/FileSizeMismatch|too large|TOO_LARGE/i.test(message)) return 'The file is larger than this upload allows.';
  if (/InvalidFileType|file type/i.test(message)) return 'This type of file is not accepted here.';
  return 'The upload did not go through. Check your connection and try again.';
}

/**
 * A drop zone that uploads one file through the official `@uploadthing/react` client to the
 * portal's `/api/uploadthing` (which goes on to the asset service), shows its progress, lets the
 * person cancel or retry, then waits for the service's check of the bytes (`asset.get`) and
 * reports a ready asset with `onUploaded`, or shows why it was refused.
 */
export function AssetUpload({
  role,
  endpoint,
  kinds,
  label,
  hint,
  onUploaded,
  onStateChange,
  error,
  disabled = false,
  pollEveryMs = 750,
  patienceMs = 60_000,
  className,
}: AssetUploadProps) {
  const [state, setStateRaw] = useState<AssetUploadState>({ step: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);
  const hintId = useId();
  const errorId = useId();
  const onStateChangeRef = useRef(onStateChange);
  onStateChangeRef.current = onStateChange;
  const onUploadedRef = useRef(onUploaded);
  onUploadedRef.current = onUploaded;

  const setState = useCallback((next: AssetUploadState) => {
    if (!mounted.current) return;
    setStateRaw(next);
    onStateChangeRef.current?.(next);
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  /** Asks for the asset until its check has run, or until patience runs out. */
  const awaitCheck = useCallback(
    async (file: File, assetId: string, signal: AbortSignal) => {
      const giveUpAt = Date.now() + patienceMs;
      for (;;) {
        if (signal.aborted || !mounted.current) return;
        const result = await loadAsset(role, assetId);
        if (signal.aborted || !mounted.current) return;
        if (result.ok && result.data.state === 'ready') {
          setState({ step: 'ready', asset: result.data });
          onUploadedRef.current(assetId, result.data);
          return;
        }
        if (result.ok && result.data.state !== 'checking') {
          setState({ step: 'refused', asset: result.data });
          return;
        }
        if (Date.now() > giveUpAt) {
          setState({ step: 'slow', file, assetId });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
      }
    },
    [patienceMs, pollEveryMs, role, setState],
  );

  const upload = useCallback(
    async (file: File) => {
      const refusal = fileRefusal(endpoint, file, kinds);
      if (refusal) {
        setState({ step: 'failed', file, message: refusal, retryable: false });
        return;
      }
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ step: 'uploading', file, progress: 0 });
      let assetId: string | null = null;
      try {
        const [uploaded] = await uploader().uploadFiles(endpoint, {
          files: [file],
          signal: abort.signal,
          onUploadProgress: ({ progress }) => {
            if (!abort.signal.aborted) setState({ step: 'uploading', file, progress: Math.round(progress) });
          },
        });
        assetId = assetIdOf(uploaded?.serverData);
        if (!assetId) throw new Error('The upload answered no asset');
      } catch (failure) {
        if (abort.signal.aborted) {
          if (controller.current === abort) setState({ step: 'idle', note: `Upload of ${file.name} cancelled.` });
          return;
        }
        setState({ step: 'failed', file, message: uploadFailureMessage(failure), retryable: true });
        return;
      }
      setState({ step: 'checking', file, assetId });
      await awaitCheck(file, assetId, abort.signal);
    },
    [awaitCheck, endpoint, kinds, setState],
  );

  const busy = state.step === 'uploading' || state.step === 'checking';
  const accept = Object.fromEntries(Object.keys(acceptedTypes(endpoint, kinds)).map((type) => [type, []]));
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    accept,
    multiple: false,
    disabled: disabled || busy,
    onDrop: (files) => {
      const [file] = files;
      if (file) void upload(file);
    },
  });

  const cancel = () => {
    controller.current?.abort();
    if (state.step === 'checking') setState({ step: 'idle', note: 'Stopped waiting for the check; the file stays in your uploads.' });
  };

  return (
    <div className={cn('space-y-2', className)} data-upload-step={state.step}>
      <div
        {...getRootProps()}
        aria-label={label}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
        className={cn(
          'flex cursor-pointer flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed px-4 py-6 text-center transition',
          focusRing,
          isDragActive ? 'border-brand-500 bg-brand-50' : 'border-slate-300 bg-slate-50 hover:border-brand-400',
          error && 'border-red-400',
          (disabled || busy) && 'cursor-not-allowed opacity-60',
        )}
      >
        <input {...getInputProps()} data-testid={`upload-input-${endpoint}`} />
        <svg aria-hidden viewBox="0 0 24 24" className="size-6 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <p className="text-sm font-semibold text-slate-800">{isDragActive ? 'Drop the file here' : label}</p>
        <p className="text-xs text-slate-500">Drag a file here or click to choose one.</p>
        <p id={hintId} className="text-xs text-slate-500">
          {hint ?? uploadHints[endpoint]}
        </p>
      </div>

      <UploadStatus state={state} onCancel={cancel} onRetry={(file) => void upload(file)} onLookAgain={(file, assetId) => {
        const abort = new AbortController();
        controller.current = abort;
        setState({ step: 'checking', file, assetId });
        void awaitCheck(file, assetId, abort.signal);
      }} />

      {error ? (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function UploadStatus({
  state,
  onCancel,
  onRetry,
  onLookAgain,
}: {
  state: AssetUploadState;
  onCancel: () => void;
  onRetry: (file: File) => void;
  onLookAgain: (file: File, assetId: string) => void;
}) {
  switch (state.step) {
    case 'idle':
      return state.note ? <p className="text-sm text-slate-600" role="status">{state.note}</p> : null;
    case 'uploading':
      return (
        <div className="space-y-1.5 rounded-lg bg-white p-3 ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span className="min-w-0 truncate font-medium text-slate-800">
              Uploading {state.file.name} ({sizeOf(state.file.size)})
            </span>
            <Button type="button" variant="ghost" className="px-2 py-1" onClick={onCancel}>
              Cancel upload
            </Button>
          </div>
          <div
            role="progressbar"
            aria-label={`Uploading ${state.file.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.progress}
            className="h-2 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${state.progress}%` }} />
          </div>
          <p className="text-xs text-slate-500">{state.progress}%</p>
        </div>
      );
    case 'checking':
      return (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-white p-3 text-sm ring-1 ring-slate-200" role="status">
          <span className="flex items-center gap-2 text-slate-700">
            <Spinner decorative /> Checking {state.file.name}…
          </span>
          <Button type="button" variant="ghost" className="px-2 py-1" onClick={onCancel}>
            Stop waiting
          </Button>
        </div>
      );
    case 'slow':
      return (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" role="status">
          <span>{state.file.name} is uploaded and still being checked. This can take a minute for a video.</span>
          <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => onLookAgain(state.file, state.assetId)}>
            Look again
          </Button>
        </div>
      );
    case 'failed':
      return (
        <Problem>
          <span className="min-w-0">{state.message}</span>
          {state.retryable ? (
            <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => onRetry(state.file)}>
              Try again
            </Button>
          ) : null}
        </Problem>
      );
    case 'refused':
      return (
        <Problem>
          <span className="min-w-0">
            <strong>{state.asset.name} was refused.</strong> {state.asset.refusalReason ?? 'The file did not pass the check.'} Choose another
            file.
          </span>
        </Problem>
      );
    case 'ready':
      return (
        <p className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800 ring-1 ring-emerald-200" role="status">
          {state.asset.name} is uploaded and checked.
        </p>
      );
  }
}

function Problem({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200" role="alert">
      {children}
    </div>
  );
}
