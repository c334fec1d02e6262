'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  DocumentUploads,
  blankDocumentDraft,
  documentsBusy,
  unsentDocumentErrors,
} from '@gametriggers/auth/upload';
import type { DocumentDraft } from '@gametriggers/auth/upload';
import {
  MAX_VERIFICATION_DOCUMENTS,
  requestVerificationInputSchema,
  verificationDocumentKinds,
} from '@gametriggers/contracts';
import type { RequestVerificationInput } from '@gametriggers/contracts';
import { Alert, Button, Textarea } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrors } from './field-errors';
import { errorAt, fieldErrorsOfIssues, fieldErrorsOfServer } from './field-errors';

export function VerificationRequestForm({
  submit,
  resubmission,
}: {
  submit: (input: RequestVerificationInput) => Promise<ActionResult<null>>;
  /** After a rejection: the wording says "send again". */
  resubmission: boolean;
}) {
  // Keys (and the ids built from them) start at 0 in every render, so the server's HTML and the
  // browser's first render agree.
  const [documents, setDocuments] = useState<DocumentDraft[]>(() => [blankDocumentDraft(0)]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState(false);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const unsent = unsentDocumentErrors(documents);
    const parsed = requestVerificationInputSchema.safeParse({
      documents: documents.map(({ kind, assetId }) => ({ kind, assetId: assetId ?? '' })),
      note: note.trim() || undefined,
    });
    if (!parsed.success || Object.keys(unsent).length > 0) {
      setErrors({ ...(parsed.success ? {} : fieldErrorsOfIssues(parsed.error.issues)), ...unsent });
      return;
    }
    setErrors({});
    setFailure(undefined);
    setPending(true);
    try {
      const result = await submit(parsed.data);
      if (!result.ok) {
        setFailure(result.error.message);
        setErrors(fieldErrorsOfServer(result.error.fieldErrors));
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void send(event)} noValidate data-testid="verification-request-form">
      <div className="space-y-5">
        {failure ? <Alert>{failure}</Alert> : null}
        <p className="text-sm text-slate-600">
          Upload the documents that show your company exists and that you may act for it: a
          registration certificate, a tax document, or an ID of the person signing for the company
          (PDF, PNG, JPEG or WebP, up to 8 MB each). Only our reviewers can open them. We accept 1 to{' '}
          {MAX_VERIFICATION_DOCUMENTS}.
        </p>
        {errors.documents ? <Alert>{errors.documents}</Alert> : null}
        <DocumentUploads
          role="brand"
          endpoint="verificationDocument"
          kinds={verificationDocumentKinds}
          drafts={documents}
          onDraftsChange={setDocuments}
          min={1}
          max={MAX_VERIFICATION_DOCUMENTS}
          errorAt={(path) => errorAt(errors, path)}
          onRowsRemoved={() => setErrors({})}
          disabled={pending}
        />
        <Textarea
          id="verification-note"
          label="Note for the reviewer (optional)"
          placeholder="Anything that helps, e.g. where your company is registered."
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={errorAt(errors, 'note')}
          rows={3}
        />
        <div className="flex justify-end">
          <Button
            type="submit"
            loading={pending}
            disabled={documentsBusy(documents)}
            data-testid="submit-verification"
          >
            {resubmission ? 'Send for verification again' : 'Request verification'}
          </Button>
        </div>
      </div>
    </form>
  );
}
