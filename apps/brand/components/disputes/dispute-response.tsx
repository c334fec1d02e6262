'use client';

import { Card, DisputeEvidenceForm } from '@gametriggers/ui';
import { respondToDispute } from '../../app/disputes/actions';

/** The streamer opened the dispute: the brand gives its side once. */
export function DisputeResponse({ disputeId }: { disputeId: string }) {
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Give your side</h2>
      <DisputeEvidenceForm target={{ kind: 'respond', disputeId, submit: respondToDispute }} />
    </Card>
  );
}
