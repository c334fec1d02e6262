'use client';

import type { DisputeForDisplay } from '@gametriggers/ui';
import { Button, DisputeEvidenceForm, DisputeStatusBadge } from '@gametriggers/ui';
import { useState } from 'react';
import { openDispute } from '../../app/disputes/actions';

/**
 * A participant's dispute on the campaign page: its status (linking to it) once opened, else the
 * button that opens one with a reason and evidence.
 */
export function ParticipantDispute({
  participationId,
  dispute,
}: {
  participationId: string;
  dispute: Pick<DisputeForDisplay, 'id' | 'status' | 'outcome'> | null;
}) {
  const [open, setOpen] = useState(false);
  if (dispute) {
    return (
      <a href={`/disputes/${dispute.id}`} className="inline-flex" data-testid="participant-dispute-link">
        <DisputeStatusBadge dispute={dispute} />
      </a>
    );
  }
  if (!open) {
    return (
      <Button variant="secondary" data-testid="open-dispute" onClick={() => setOpen(true)}>
        Dispute
      </Button>
    );
  }
  return (
    <div className="w-full sm:w-96">
      <DisputeEvidenceForm
        target={{ kind: 'open', participationId, submit: openDispute }}
        onCancel={() => setOpen(false)}
      />
    </div>
  );
}
