import { formatCents } from '@gametriggers/contracts';
import { Alert, EmptyState, LocalTime, ReasonConfirm, Table } from '@gametriggers/ui';
import { ConfirmButton } from '../../../components/money/confirm-button';
import { MoneyPage } from '../../../components/money/money-page';
import { accountHref } from '../../../components/money/wallets-table';
import { portal } from '../../../portal';
import { approveWithdrawal, rejectWithdrawal } from '../actions';

export const dynamic = 'force-dynamic';

const SHOWN = 100;

/** `/money/withdrawals`: large withdrawals held for an admin's approval, oldest first. */
export default async function WithdrawalsPage() {
  await portal.requirePermission('canViewFinancials');
  const result = await portal.act((api) => api.payment.admin.withdrawals.pending.query({ limit: SHOWN }));
  return (
    <MoneyPage current="withdrawals">
      <p className="text-sm text-slate-600">
        Withdrawals above the approval threshold wait here. Approving sends the transfer; rejecting returns the money
        to the streamer&apos;s available earnings and tells them why.
      </p>
      {!result.ok ? (
        <Alert title="The withdrawals could not be loaded">{result.error.message}</Alert>
      ) : result.data.length === 0 ? (
        <div data-testid="withdrawals-empty">
          <EmptyState title="Nothing awaiting approval">Large withdrawals appear here when streamers ask for them.</EmptyState>
        </div>
      ) : (
        <Table
          caption="Withdrawals awaiting approval"
          rows={result.data}
          rowKey={(row) => row.id}
          rowTestId="withdrawal-row"
          phoneLayout="cards"
          columns={[
            {
              header: 'Streamer',
              cell: (row) => (
                <a
                  href={accountHref({ holder: 'streamer', ownerId: row.streamerId })}
                  className="font-mono text-xs break-all text-brand-700 hover:underline"
                >
                  {row.streamerId}
                </a>
              ),
            },
            { header: 'Requested', cell: (row) => <LocalTime date={row.requestedAt} /> },
            {
              header: 'Amount',
              className: 'sm:text-right',
              cell: (row) => <span className="font-medium tabular-nums">{formatCents(row.amountCents, row.currency)}</span>,
            },
            {
              header: 'Decision',
              cell: (row) => (
                <div className="flex flex-wrap items-start gap-2">
                  <ConfirmButton
                    label="Approve"
                    question={`Send ${formatCents(row.amountCents, row.currency)} to this streamer's payout account?`}
                    action={approveWithdrawal}
                    fields={{ withdrawalId: row.id }}
                    testId="approve-withdrawal"
                  />
                  <ReasonConfirm
                    label="Reject"
                    title="Reject this withdrawal"
                    description={`${formatCents(row.amountCents, row.currency)} goes back to the streamer's available earnings; they see your reason.`}
                    action={rejectWithdrawal}
                    testId="reject-withdrawal"
                  >
                    <input type="hidden" name="withdrawalId" value={row.id} />
                  </ReasonConfirm>
                </div>
              ),
            },
          ]}
        />
      )}
    </MoneyPage>
  );
}
