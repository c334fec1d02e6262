'use client';

import { rejectApplicationInputSchema } from '@gametriggers/contracts';
import { Alert, Button, Textarea } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { approveApplicant, rejectApplicant } from './actions';
import { approvalRefusalText } from './formatting';

/** Approve (the service re-checks the streamer's key, energy and rules then) or reject with a reason. */
export function ApplicantDecision({
  participationId,
  streamerName,
}: {
  participationId: string;
  streamerName: string;
}) {
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [pending, setPending] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<string>();

  async function approve() {
    setPending('approve');
    setError(undefined);
    try {
      const result = await approveApplicant(participationId);
      if (result.ok) router.refresh();
      else
        setError(
          approvalRefusalText(result.error.reason, result.error.message, result.error.details),
        );
    } finally {
      setPending(null);
    }
  }

  async function reject() {
    const parsed = rejectApplicationInputSchema.safeParse({ participationId, reason });
    if (!parsed.success) {
      setReasonError(parsed.error.issues.find((issue) => issue.path[0] === 'reason')?.message);
      return;
    }
    setReasonError(undefined);
    setPending('reject');
    setError(undefined);
    try {
      const result = await rejectApplicant(parsed.data);
      if (result.ok) router.refresh();
      else {
        setError(result.error.message);
        setReasonError(result.error.fieldErrors?.reason?.[0]);
      }
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="space-y-2 sm:min-w-64">
      <div className="flex flex-wrap gap-2">
        <Button
          data-testid="approve-applicant"
          loading={pending === 'approve'}
          disabled={pending !== null}
          onClick={() => void approve()}
        >
          Approve
        </Button>
        {!rejecting ? (
          <Button
            variant="secondary"
            data-testid="reject-applicant"
            disabled={pending !== null}
            onClick={() => setRejecting(true)}
          >
            Reject
          </Button>
        ) : null}
      </div>
      {rejecting ? (
        <div className="space-y-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
          <Textarea
            id={`reject-reason-${participationId}`}
            label={`Why not ${streamerName}?`}
            hint="The streamer sees this."
            rows={2}
            maxLength={500}
            value={reason}
            error={reasonError}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <Button
              variant="danger"
              data-testid="confirm-reject"
              loading={pending === 'reject'}
              disabled={pending !== null}
              onClick={() => void reject()}
            >
              Reject application
            </Button>
            <Button variant="ghost" disabled={pending !== null} onClick={() => setRejecting(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
      {error ? (
        <div data-testid="decision-error">
          <Alert>{error}</Alert>
        </div>
      ) : null}
    </div>
  );
}
