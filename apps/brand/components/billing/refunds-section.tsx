import type { ActionResult } from '@gametriggers/auth/portal';
import { formatCents } from '@gametriggers/contracts';
import { Badge, Card } from '@gametriggers/ui';
import { LocalTime } from '../campaigns/local-time';
import { RefundForm } from './refund-form';
import type { Refund } from './types';

const statusLook = {
  pending: { label: 'In progress', tone: 'warning' },
  succeeded: { label: 'Refunded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
} as const;

/** Unspent money back: the request form and the refunds so far. */
export function RefundsSection({
  availableCents,
  refunds,
  request,
}: {
  availableCents: number;
  refunds: readonly Refund[];
  request: (amountCents: number) => Promise<ActionResult<{ refundedCents: number }>>;
}) {
  return (
    <Card className="space-y-4">
      <div>
        <h2 id="refund-heading" className="text-lg font-semibold text-slate-900">
          Refund unspent money
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Money in your wallet that no campaign holds goes back to the cards that paid it, newest
          payment first.
        </p>
      </div>
      <RefundForm availableCents={availableCents} request={request} />
      {refunds.length > 0 ? (
        <ul className="divide-y divide-slate-100 rounded-xl text-sm ring-1 ring-slate-200" aria-label="Your refunds">
          {refunds.map((refund) => (
            <li key={refund.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3" data-testid="refund-row">
              <span className="flex flex-col">
                <span className="font-medium text-slate-900 tabular-nums">{formatCents(refund.amountCents, refund.currency)}</span>
                <span className="text-xs text-slate-500">
                  <LocalTime date={refund.createdAt} />
                  {refund.failureReason ? ` · ${refund.failureReason}` : ''}
                </span>
              </span>
              <Badge tone={statusLook[refund.status].tone}>{statusLook[refund.status].label}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
