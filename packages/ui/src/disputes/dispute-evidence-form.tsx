'use client';

import type {
  OpenParticipationDisputeRequest as OpenInput,
  RespondToParticipationDisputeRequest as RespondInput,
} from '@gametriggers/contracts';
import {
  openParticipationDisputeInputSchema,
  respondToParticipationDisputeInputSchema,
} from '@gametriggers/contracts';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert, Button, Field } from '../controls';
import { Textarea } from '../form-controls';

/** What a portal's server action answers (`ActionResult` of the auth kit, as far as a form needs). */
export type DisputeActionResult =
  { ok: true } | { ok: false; error: { message: string; fieldErrors?: Record<string, string[]> } };

export type OpenDisputeAction = (input: OpenInput) => Promise<DisputeActionResult>;
export type RespondDisputeAction = (input: RespondInput) => Promise<DisputeActionResult>;

type Target =
  | { kind: 'open'; participationId: string; submit: OpenDisputeAction }
  | { kind: 'respond'; disputeId: string; submit: RespondDisputeAction };

const linksFrom = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function firstErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * Opening a dispute on a participation (a reason and the evidence) or giving the other side's
 * evidence, validated with the payment service's own schemas; the page refreshes on success.
 */
export function DisputeEvidenceForm({
  target,
  onCancel,
}: {
  target: Target;
  onCancel?: () => void;
}) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [evidenceText, setEvidenceText] = useState('');
  const [links, setLinks] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const idPrefix =
    target.kind === 'open' ? `dispute-${target.participationId}` : `respond-${target.disputeId}`;

  async function submit() {
    const evidence = { evidenceText, evidenceLinks: linksFrom(links) };
    const parsed =
      target.kind === 'open'
        ? openParticipationDisputeInputSchema.safeParse({
            participationId: target.participationId,
            reason,
            ...evidence,
          })
        : respondToParticipationDisputeInputSchema.safeParse({
            disputeId: target.disputeId,
            ...evidence,
          });
    if (!parsed.success) {
      setErrors(firstErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result =
        target.kind === 'open'
          ? await target.submit(parsed.data as OpenInput)
          : await target.submit(parsed.data as RespondInput);
      if (result.ok) router.refresh();
      else {
        const fieldErrors = Object.fromEntries(
          Object.entries(result.error.fieldErrors ?? {}).map(([field, messages]) => [
            field.split('.')[0]!,
            messages[0]!,
          ]),
        );
        setErrors({ ...fieldErrors, form: result.error.message });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <div
      className="space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
      data-testid="dispute-form"
    >
      {target.kind === 'open' ? (
        <Field
          id={`${idPrefix}-reason`}
          label="Reason"
          hint="One line, e.g. “The overlay was hidden”."
          maxLength={200}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
      ) : null}
      <Textarea
        id={`${idPrefix}-evidence`}
        label={target.kind === 'open' ? 'What happened' : 'Your side'}
        hint="The other side and our team read this."
        rows={3}
        maxLength={4000}
        value={evidenceText}
        error={errors.evidenceText}
        onChange={(event) => setEvidenceText(event.target.value)}
      />
      <Textarea
        id={`${idPrefix}-links`}
        label="Links (optional)"
        hint="Clips, VODs or screenshots: one https:// address per line, up to five."
        rows={2}
        value={links}
        error={errors.evidenceLinks}
        onChange={(event) => setLinks(event.target.value)}
      />
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          data-testid="submit-dispute"
          loading={pending}
          disabled={pending}
          onClick={() => void submit()}
        >
          {target.kind === 'open' ? 'Open dispute' : 'Send your side'}
        </Button>
        {onCancel ? (
          <Button variant="ghost" disabled={pending} onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </div>
  );
}
