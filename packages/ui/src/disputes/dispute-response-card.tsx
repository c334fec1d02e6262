'use client';

import { Card } from '../controls';
import type { RespondDisputeAction } from './dispute-evidence-form';
import { DisputeEvidenceForm } from './dispute-evidence-form';

/** The side that did not open the dispute gives its own, once. */
export function DisputeResponseCard({
  disputeId,
  submit,
}: {
  disputeId: string;
  submit: RespondDisputeAction;
}) {
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Give your side</h2>
      <DisputeEvidenceForm target={{ kind: 'respond', disputeId, submit }} />
    </Card>
  );
}
