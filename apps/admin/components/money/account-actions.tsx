import { formatCents } from '@gametriggers/contracts';
import { Field, ReasonConfirm, Select } from '@gametriggers/ui';
import { randomUUID } from 'node:crypto';
import { adjustAccount, freezeAccount, unfreezeAccount } from '../../app/money/actions';
import type { MoneyAccountDetail } from './types';

function AccountInputs({ account }: { account: MoneyAccountDetail }) {
  return (
    <>
      <input type="hidden" name="holder" value={account.holder} />
      <input type="hidden" name="ownerId" value={account.ownerId} />
    </>
  );
}

/** Adjust (credit or debit, with a reason) and freeze or unfreeze one wallet or earnings account. */
export function AccountActions({ account }: { account: MoneyAccountDetail }) {
  const what = account.holder === 'brand' ? "this brand's wallet" : "this streamer's available earnings";
  return (
    <div className="flex flex-wrap gap-3" data-testid="account-actions">
      <ReasonConfirm
        label="Adjust balance"
        title="Adjust the balance"
        variant="primary"
        confirmLabel="Confirm adjustment"
        testId="adjust"
        description={`A credit or a debit of ${what} (now ${formatCents(account.availableCents)} available), recorded in the ledger against the platform's adjustments account. A debit cannot take the balance below zero.`}
        action={adjustAccount}
      >
        <AccountInputs account={account} />
        {/* One key per dialog opening: a double submit or a retry takes effect once. */}
        <input type="hidden" name="idempotencyKey" value={randomUUID()} />
        <Select
          id="adjust-direction"
          name="direction"
          label="Adjustment"
          options={[
            { value: 'credit', label: 'Credit (add money)' },
            { value: 'debit', label: 'Debit (take money)' },
          ]}
          defaultValue="credit"
        />
        <Field id="adjust-amount" name="amount" label="Amount (USD)" inputMode="decimal" autoComplete="off" required />
      </ReasonConfirm>
      {account.frozen ? (
        <ReasonConfirm
          label="Unfreeze"
          title="Unfreeze this account"
          variant="secondary"
          testId="unfreeze"
          description={
            account.holder === 'brand'
              ? 'The brand can again have budgets reserved and refunds paid.'
              : 'The streamer can again withdraw their earnings.'
          }
          action={unfreezeAccount}
        >
          <AccountInputs account={account} />
        </ReasonConfirm>
      ) : (
        <ReasonConfirm
          label="Freeze"
          title="Freeze this account"
          testId="freeze"
          description={
            account.holder === 'brand'
              ? 'While frozen, no campaign budget can be reserved or raised (approvals fail) and no refund is paid out. Money already reserved keeps being spent.'
              : 'While frozen, the streamer cannot withdraw. Earnings keep arriving and maturing.'
          }
          action={freezeAccount}
        >
          <AccountInputs account={account} />
        </ReasonConfirm>
      )}
    </div>
  );
}
