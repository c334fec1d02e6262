'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { ReportContentInput } from '@gametriggers/contracts';
import { contentReportReasons, reportContentInputSchema } from '@gametriggers/contracts';
import { Alert, Button, Select, Textarea } from '@gametriggers/ui';
import { useId, useRef, useState, useTransition } from 'react';
import type { FieldErrors } from '../streamer-profile/field-errors';
import { fieldErrorsOfIssues, fieldErrorsOfServer } from '../streamer-profile/field-errors';

const reasonOptions = contentReportReasons.map((reason) => ({
  value: reason,
  label: {
    inappropriate: 'Inappropriate for my audience',
    misleading: 'Misleading',
    offensive: 'Offensive',
    broken: 'Broken or not loading',
    other: 'Something else',
  }[reason],
}));

/** "Report this ad": tells moderators what is wrong with a campaign's creative. */
export function ReportAd({
  campaignId,
  report,
}: {
  campaignId: string;
  report: (input: ReportContentInput) => Promise<ActionResult<unknown>>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [sent, setSent] = useState(false);
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    const parsed = reportContentInputSchema.safeParse({
      campaignId,
      reason: form.get('reason') || undefined,
      details: form.get('details') || undefined,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues));
      return;
    }
    startTransition(async () => {
      const result = await report(parsed.data);
      if (result.ok) {
        setSent(true);
        dialog.current?.close();
      } else {
        setErrors(fieldErrorsOfServer(result.error.fieldErrors));
        setMessage(result.error.message);
      }
    });
  }

  if (sent) {
    return (
      <p className="text-sm text-slate-600" data-testid="report-ad-sent">
        Thanks — moderators will review this ad.
      </p>
    );
  }
  return (
    <>
      <button
        type="button"
        data-testid="report-ad"
        className="text-sm font-medium text-slate-500 underline-offset-2 hover:text-red-700 hover:underline"
        onClick={() => dialog.current?.showModal()}
      >
        Report this ad
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        data-testid="report-ad-dialog"
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <form action={submit} className="space-y-4 p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            Report this ad
          </h2>
          <p className="text-sm text-slate-600">
            Moderators look at every report. The brand is not told who reported its ad.
          </p>
          <Select
            id={`${id}-reason`}
            name="reason"
            label="What is wrong?"
            placeholder="Choose a reason"
            options={reasonOptions}
            error={errors.reason}
            defaultValue=""
          />
          <Textarea
            id={`${id}-details`}
            name="details"
            label="Details (optional)"
            maxLength={1000}
            rows={3}
            error={errors.details}
          />
          {message ? <Alert tone="error">{message}</Alert> : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={pending} data-testid="report-ad-confirm">
              Send report
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
