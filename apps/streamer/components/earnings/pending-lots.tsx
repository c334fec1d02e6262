import { formatCents } from '@gametriggers/contracts';
import { Table } from '@gametriggers/ui';
import { Countdown, LocalTime } from '../participation/local-time';
import type { EarningsSummary } from './types';

/** Each pending amount and when it becomes available, soonest first. */
export function PendingLots({
  summary,
  campaignTitle,
}: {
  summary: EarningsSummary;
  campaignTitle: (campaignId: string) => string;
}) {
  if (summary.pendingLots.length === 0) return null;
  return (
    <section aria-labelledby="pending-heading" className="space-y-3">
      <div>
        <h2 id="pending-heading" className="text-lg font-semibold text-slate-900">
          Pending earnings
        </h2>
        <p className="text-sm text-slate-600">
          Earnings are held for a few days in case delivery is corrected, then become available.
        </p>
      </div>
      <Table
        caption="Pending earnings and when each becomes available"
        rows={summary.pendingLots}
        rowKey={(lot) => `${lot.campaignId}-${lot.earnedAt.toISOString()}-${lot.availableAt.toISOString()}-${lot.amountCents}`}
        rowTestId="pending-lot"
        phoneLayout="cards"
        columns={[
          { header: 'Campaign', cell: (lot) => <span className="font-medium text-slate-900">{campaignTitle(lot.campaignId)}</span> },
          {
            header: 'Amount',
            cell: (lot) => <span className="tabular-nums">{formatCents(lot.amountCents, summary.currency)}</span>,
            className: 'sm:text-right',
          },
          { header: 'Earned', cell: (lot) => <LocalTime date={lot.earnedAt} /> },
          {
            header: 'Available',
            cell: (lot) => (
              <span className="flex flex-col">
                <LocalTime date={lot.availableAt} />
                <span className="text-xs text-slate-500">
                  in <Countdown until={lot.availableAt} />
                </span>
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
