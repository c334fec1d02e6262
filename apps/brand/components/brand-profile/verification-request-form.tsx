'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  MAX_VERIFICATION_DOCUMENTS,
  requestVerificationInputSchema,
  verificationDocumentKinds,
} from '@gametriggers/contracts';
import type { RequestVerificationInput, VerificationDocumentKind } from '@gametriggers/contracts';
import { Alert, Button, Field, Select, Textarea } from '@gametriggers/ui';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrors } from './field-errors';
import { errorAt, fieldErrorsOfIssues, fieldErrorsOfServer } from './field-errors';

interface DocumentRow {
  /** React key only; rows are added and removed. */
  key: number;
  kind: VerificationDocumentKind | '';
  name: string;
  url: string;
}

const kindOptions = verificationDocumentKinds.map((kind) => ({
  value: kind.id,
  label: kind.label,
}));
const blankRow = (key: number): DocumentRow => ({ key, kind: '', name: '', url: '' });

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
  const [rows, setRows] = useState<DocumentRow[]>(() => [blankRow(0)]);
  const lastKey = useRef(0);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState(false);

  const update = (key: number, patch: Partial<DocumentRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestVerificationInputSchema.safeParse({
      documents: rows.map(({ kind, name, url }) => ({ kind, name, url })),
      note: note.trim() || undefined,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues));
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
          Add links (https) to your documents, e.g. from your company drive: a registration
          certificate, a tax document, or an ID of the person signing for the company. We accept 1
          to {MAX_VERIFICATION_DOCUMENTS}.
        </p>
        {errors.documents ? <Alert>{errors.documents}</Alert> : null}
        {/* The form sits in a narrow column on wide screens: the row's layout follows its own width. */}
        <ol className="@container space-y-4">
          {rows.map((row, index) => (
            <li
              key={row.key}
              data-testid="document-row"
              className="grid gap-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 @md:grid-cols-2 @md:items-start @3xl:grid-cols-[10rem_1fr_1fr_auto]"
            >
              <Select
                id={`document-${row.key}-kind`}
                label="Kind"
                placeholder="Choose…"
                options={kindOptions}
                value={row.kind}
                onChange={(event) =>
                  update(row.key, { kind: event.target.value as VerificationDocumentKind })
                }
                error={errorAt(errors, `documents.${index}.kind`)}
              />
              <Field
                id={`document-${row.key}-name`}
                label="Name"
                placeholder="Certificate of incorporation"
                value={row.name}
                onChange={(event) => update(row.key, { name: event.target.value })}
                error={errorAt(errors, `documents.${index}.name`)}
              />
              <div className="@md:col-span-2 @3xl:col-span-1">
                <Field
                  id={`document-${row.key}-url`}
                  label="Link"
                  type="url"
                  inputMode="url"
                  placeholder="https://…"
                  value={row.url}
                  onChange={(event) => update(row.key, { url: event.target.value })}
                  error={errorAt(errors, `documents.${index}.url`)}
                />
              </div>
              <div className="flex justify-end @md:col-span-2 @3xl:col-span-1 @3xl:pt-7">
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => {
                    setRows((current) => current.filter((entry) => entry.key !== row.key));
                    // Errors are by row position, which just changed.
                    setErrors({});
                  }}
                  disabled={rows.length === 1}
                  aria-label={`Remove document ${index + 1}`}
                  data-testid="remove-document"
                >
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <Button
          type="button"
          variant="secondary"
          onClick={() => setRows((current) => [...current, blankRow((lastKey.current += 1))])}
          disabled={rows.length >= MAX_VERIFICATION_DOCUMENTS}
          data-testid="add-document"
        >
          Add another document
        </Button>
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
          <Button type="submit" loading={pending} data-testid="submit-verification">
            {resubmission ? 'Send for verification again' : 'Request verification'}
          </Button>
        </div>
      </div>
    </form>
  );
}
