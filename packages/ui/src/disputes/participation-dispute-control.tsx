'use client';

import { useState } from 'react';
import { Button } from '../controls';
import type { DisputeForDisplay } from './dispute-details';
import { DisputeStatusBadge } from './dispute-details';
import type { OpenDisputeAction } from './dispute-evidence-form';
import { DisputeEvidenceForm } from './dispute-evidence-form';

/**
 * A participation's dispute where its party sees the participation (a campaign's participants, My
 * campaigns): its status, linking to its page, once opened; else the button that opens one.
 */
export function ParticipationDisputeControl({
  participationId,
  dispute,
  submit,
}: {
  participationId: string;
  dispute: Pick<DisputeForDisplay, 'id' | 'status' | 'outcome'> | null;
  submit: OpenDisputeAction;
}) {
  const [open, setOpen] = useState(false);
  if (dispute) {
    return (
      <a
        href={`/disputes/${dispute.id}`}
        className="inline-flex"
        data-testid="participation-dispute-link"
      >
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
        target={{ kind: 'open', participationId, submit }}
        onCancel={() => setOpen(false)}
      />
    </div>
  );
}
