'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { DocumentUploads, documentsBusy, unsentDocumentErrors } from '@gametriggers/auth/upload';
import type { DocumentDraft } from '@gametriggers/auth/upload';
import {
  MAX_KYC_DOCUMENTS,
  kycDocumentKinds,
  requestStreamerVerificationInput,
} from '@gametriggers/contracts';
import type {
  RequestStreamerVerificationInput,
  StreamerVerificationStatus,
} from '@gametriggers/contracts';
import { Alert, Badge, Button, Textarea } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';

/** The first message per input path (`documents.0.assetId`). */
type FieldErrors = Record<string, string>;

function firstMessages(entries: Iterable<[string, string | undefined]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of entries) if (message) errors[path] ??= message;
  return errors;
}

const statusBadges: Record<
  StreamerVerificationStatus,
  { label: string; tone: 'neutral' | 'warning' | 'success' | 'danger' }
> = {
  unverified: { label: 'Not verified', tone: 'neutral' },
  pending: { label: 'In review', tone: 'warning' },
  verified: { label: 'Verified', tone: 'success' },
  rejected: { label: 'Not approved', tone: 'danger' },
};

/** The streamer's verification: its status, the reviewer's reason after a rejection, and the request. */
export function VerificationSection({
  status,
  rejectionReason,
  hasPlatform,
  submit,
}: {
  status: StreamerVerificationStatus;
  rejectionReason: string | null;
  hasPlatform: boolean;
  submit: (input: RequestStreamerVerificationInput) => Promise<ActionResult<null>>;
}) {
  const [note, setNote] = useState('');
  const [documents, setDocuments] = useState<DocumentDraft[]>([]);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const canRequest = status === 'unverified' || status === 'rejected';

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const unsent = unsentDocumentErrors(documents);
    const parsed = requestStreamerVerificationInput.safeParse({
      note: note.trim() || undefined,
      documents: documents.map(({ kind, assetId }) => ({ kind, assetId: assetId ?? '' })),
    });
    if (!parsed.success || Object.keys(unsent).length > 0) {
      const issues = parsed.success ? [] : parsed.error.issues;
      setFieldErrors({
        ...firstMessages(issues.map((issue): [string, string] => [issue.path.join('.'), issue.message])),
        ...unsent,
      });
      setError(undefined);
      return;
    }
    setError(undefined);
    setFieldErrors({});
    setPending(true);
    try {
      const result = await submit(parsed.data);
      if (!result.ok) {
        setError(result.error.message);
        setFieldErrors(
          firstMessages(
            Object.entries(result.error.fieldErrors ?? {}).map(([path, messages]): [string, string | undefined] => [
              path,
              messages[0],
            ]),
          ),
        );
      }
    } finally {
      setPending(false);
    }
  }

  const badge = statusBadges[status];
  return (
    <section
      className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
      aria-labelledby="verification-title"
      data-testid="streamer-verification"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="verification-title" className="text-lg font-semibold">
          Verification
        </h2>
        <Badge tone={badge.tone} data-testid="verification-status">
          {badge.label}
        </Badge>
      </div>
      {status === 'verified' ? (
        <p className="text-sm text-slate-600">
          Brands see the verified mark on your profile: we checked that your channels are yours.
        </p>
      ) : null}
      {status === 'pending' ? (
        <p className="text-sm text-slate-600">
          We are reviewing your channels. We will let you know the decision.
        </p>
      ) : null}
      {status === 'rejected' && rejectionReason ? (
        <Alert tone="warning" title="Your last request was not approved">
          {rejectionReason}
        </Alert>
      ) : null}
      {canRequest && !hasPlatform ? (
        <p className="text-sm text-slate-600">
          Connect a platform above first: verification checks the channels you stream on.
        </p>
      ) : null}
      {canRequest && hasPlatform ? (
        <form onSubmit={(event) => void send(event)} noValidate className="mt-4 space-y-4">
          {error ? <Alert>{error}</Alert> : null}
          <p className="text-sm text-slate-600">
            A verified profile tells brands your channels and numbers are really yours. We review
            the channels you have connected.
          </p>
          <Textarea
            id="verification-note"
            label="Note for the reviewer (optional)"
            value={note}
            maxLength={1000}
            rows={3}
            onChange={(event) => setNote(event.target.value)}
            error={fieldErrors.note}
          />
          <div className="space-y-3" data-testid="kyc-documents">
            <div>
              <h3 className="text-sm font-semibold text-slate-800">Identity documents (optional)</h3>
              <p className="text-sm text-slate-600">
                An ID or a proof of address can speed up the review: PDF, PNG, JPEG or WebP, up to 8
                MB each, at most {MAX_KYC_DOCUMENTS}. Only our reviewers can open them.
              </p>
            </div>
            {fieldErrors.documents ? <Alert>{fieldErrors.documents}</Alert> : null}
            <DocumentUploads
              role="streamer"
              endpoint="kycDocument"
              kinds={kycDocumentKinds}
              drafts={documents}
              onDraftsChange={setDocuments}
              min={0}
              max={MAX_KYC_DOCUMENTS}
              errorAt={(path) => fieldErrors[path]}
              onRowsRemoved={() => setFieldErrors({})}
              disabled={pending}
            />
          </div>
          <Button
            type="submit"
            loading={pending}
            disabled={documentsBusy(documents)}
            data-testid="request-verification"
          >
            {status === 'rejected' ? 'Ask again' : 'Request verification'}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
