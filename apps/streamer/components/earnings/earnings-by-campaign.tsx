import { formatCents } from '@gametriggers/contracts';
import { Table } from '@gametriggers/ui';
import { LocalTime } from '../participation/local-time';
import type { EarningsByCampaign } from './types';

/** What each campaign has earned, and how much of it is still pending. */
export function EarningsByCampaignTable({
  rows,
  campaignTitle,
}: {
  rows: EarningsByCampaign;
  campaignTitle: (campaignId: string) => string;
}) {
  return (
    <section aria-labelledby="by-campaign-heading" className="space-y-3">
      <h2 id="by-campaign-heading" className="text-lg font-semibold text-slate-900">
        By campaign
      </h2>
      <Table
        caption="Earnings per campaign"
        rows={rows}
        rowKey={(row) => row.campaignId}
        rowTestId="earnings-campaign-row"
        phoneLayout="cards"
        columns={[
          { header: 'Campaign', cell: (row) => <span className="font-medium text-slate-900">{campaignTitle(row.campaignId)}</span> },
          {
            header: 'Earned',
            cell: (row) => <span className="tabular-nums">{formatCents(row.earnedCents)}</span>,
            className: 'sm:text-right',
          },
          {
            header: 'Still pending',
            cell: (row) => <span className="tabular-nums">{formatCents(row.pendingCents)}</span>,
            className: 'sm:text-right',
          },
          { header: 'Last earned', cell: (row) => <LocalTime date={row.lastEarnedAt} /> },
        ]}
      />
    </section>
  );
}
