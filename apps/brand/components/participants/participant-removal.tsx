'use client';

import { removeParticipantInputSchema } from '@gametriggers/contracts';
import { Alert, Button, Textarea } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { removeParticipant } from './actions';

/**
 * Removing a participant for the brand's own decision, with a note and whether their earnings from
 * this campaign are forfeited. Fraud and rule violations are for the platform's admins to act on.
 */
export function ParticipantRemoval({
  participationId,
  streamerName,
}: {
  participationId: string;
  streamerName: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [forfeitEarnings, setForfeitEarnings] = useState(false);
  const [noteError, setNoteError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function remove() {
    const parsed = removeParticipantInputSchema.safeParse({
      participationId,
      reason: 'brand_decision',
      note,
      forfeitEarnings,
    });
    if (!parsed.success) {
      setNoteError(parsed.error.issues.find((issue) => issue.path[0] === 'note')?.message);
      return;
    }
    setNoteError(undefined);
    setPending(true);
    setError(undefined);
    try {
      const result = await removeParticipant(parsed.data);
      if (result.ok) router.refresh();
      else {
        setError(result.error.message);
        setNoteError(result.error.fieldErrors?.note?.[0]);
      }
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <Button variant="secondary" data-testid="remove-participant" onClick={() => setOpen(true)}>
        Remove
      </Button>
    );
  }
  return (
    <div
      data-testid="removal-form"
      className="space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 sm:min-w-72"
    >
      <Textarea
        id={`removal-note-${participationId}`}
        label={`Why remove ${streamerName}?`}
        hint="Shared with the streamer. Suspect fraud? Contact support instead."
        rows={2}
        maxLength={1000}
        value={note}
        error={noteError}
        onChange={(event) => setNote(event.target.value)}
      />
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          data-testid="forfeit-earnings"
          checked={forfeitEarnings}
          onChange={(event) => setForfeitEarnings(event.target.checked)}
          className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
        />
        <span>
          Forfeit their earnings from this campaign
          <span className="block text-slate-500">
            Leave unticked to pay what they earned so far.
          </span>
        </span>
      </label>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          data-testid="confirm-removal"
          loading={pending}
          onClick={() => void remove()}
        >
          Remove from campaign
        </Button>
        <Button variant="ghost" disabled={pending} onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
