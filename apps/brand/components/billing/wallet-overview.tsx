import { formatCents } from '@gametriggers/contracts';
import { StatCard, Table } from '@gametriggers/ui';
import type { WalletSummary } from './types';

/** Available, reserved and spent, then what each running campaign holds in escrow. */
export function WalletOverview({
  wallet,
  campaignTitle,
}: {
  wallet: WalletSummary;
  campaignTitle: (campaignId: string) => string;
}) {
  const running = wallet.campaigns.length;
  return (
    <section aria-labelledby="wallet-heading" className="space-y-4">
      <h2 id="wallet-heading" className="sr-only">
        Wallet
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label="Available"
          value={formatCents(wallet.availableCents, wallet.currency)}
          hint="Ready for new campaigns or budget increases."
          testId="wallet-available"
        />
        <StatCard
          label="Reserved for campaigns"
          value={formatCents(wallet.reservedCents, wallet.currency)}
          hint={
            running === 0
              ? 'Approving a campaign reserves its budget here.'
              : `Held for ${running} running campaign${running === 1 ? '' : 's'}; unspent money comes back when a campaign ends.`
          }
          testId="wallet-reserved"
        />
        <StatCard
          label="Spent"
          value={formatCents(wallet.spentCents, wallet.currency)}
          hint="Paid to streamers for delivered impressions and clicks, fee included."
          testId="wallet-spent"
        />
      </div>
      {running > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-700">Reserved per campaign</h3>
          <Table
            caption="Budget reserved, spent and left per running campaign"
            rows={wallet.campaigns}
            rowKey={(row) => row.campaignId}
            rowTestId="wallet-campaign-row"
            phoneLayout="cards"
            columns={[
              {
                header: 'Campaign',
                cell: (row) => (
                  <a
                    href={`/campaigns/${row.campaignId}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {campaignTitle(row.campaignId)}
                  </a>
                ),
              },
              {
                header: 'Reserved',
                cell: (row) => formatCents(row.reservedCents, wallet.currency),
                className: 'text-right',
              },
              {
                header: 'Spent',
                cell: (row) => formatCents(row.spentCents, wallet.currency),
                className: 'text-right',
              },
              {
                header: 'Left',
                cell: (row) => formatCents(row.leftCents, wallet.currency),
                className: 'text-right',
              },
            ]}
          />
        </div>
      ) : null}
    </section>
  );
}
