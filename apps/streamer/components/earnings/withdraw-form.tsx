'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { centsAsAmountText, formatCents } from '@gametriggers/contracts';
import { Alert, Button, Field } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { WithdrawalLimits } from './withdrawal-limits';
import { withdrawalAmountOf, withdrawalRoom } from './withdrawal-limits';

export interface WithdrawalReceipt {
  amountCents: number;
  status: string;
}

/** Withdraw available earnings to the payout account, with the limits in view. */
export function WithdrawForm({
  availableCents,
  limits,
  payoutsEnabled,
  withdraw,
}: {
  availableCents: number;
  limits: WithdrawalLimits;
  payoutsEnabled: boolean;
  withdraw: (amountCents: number) => Promise<ActionResult<WithdrawalReceipt>>;
}) {
  const room = withdrawalRoom(availableCents, limits);
  const [amount, setAmount] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();
  const [receipt, setReceipt] = useState<WithdrawalReceipt>();
  const [pending, setPending] = useState(false);
  const blocked = !payoutsEnabled || !room.ok;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReceipt(undefined);
    const parsed = withdrawalAmountOf(amount, availableCents, limits);
    if (!parsed.ok) {
      setFieldError(parsed.message);
      return;
    }
    setFieldError(undefined);
    setError(undefined);
    setPending(true);
    try {
      const result = await withdraw(parsed.cents);
      if (result.ok) {
        setReceipt(result.data);
        setAmount('');
      } else setError(result.error.fieldErrors?.amountCents?.[0] ?? result.error.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="withdraw-form">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="withdrawal-limits">
        <div>
          <dt className="text-slate-500">Minimum</dt>
          <dd className="font-medium text-slate-900">{formatCents(limits.minCents)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Left today</dt>
          <dd className="font-medium text-slate-900">{formatCents(limits.leftTodayCents)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Left this month</dt>
          <dd className="font-medium text-slate-900">{formatCents(limits.leftThisMonthCents)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Reviewed above</dt>
          <dd className="font-medium text-slate-900">{formatCents(limits.approvalAboveCents)}</dd>
        </div>
      </dl>
      {!payoutsEnabled ? (
        <p className="text-sm text-slate-600">Set up your payout account first; then you can withdraw here.</p>
      ) : !room.ok ? (
        <p className="text-sm text-slate-600" data-testid="withdraw-blocked">
          {room.reason}
        </p>
      ) : null}
      <Field
        id="withdraw-amount"
        name="amount"
        label="Amount (USD)"
        inputMode="decimal"
        autoComplete="off"
        placeholder={room.ok ? centsAsAmountText(room.maxCents) : undefined}
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={fieldError}
        hint={room.ok ? `You can withdraw up to ${formatCents(room.maxCents)} now.` : undefined}
        disabled={blocked}
      />
      {error ? <Alert title="The withdrawal was not made">{error}</Alert> : null}
      {receipt ? (
        <Alert tone="success" title="Withdrawal requested">
          {receipt.status === 'awaiting_approval'
            ? `${formatCents(receipt.amountCents)} waits for a quick review by our team, then goes to your bank.`
            : `${formatCents(receipt.amountCents)} is on its way to your bank; it usually arrives in 1–2 business days.`}
        </Alert>
      ) : null}
      <Button type="submit" loading={pending} disabled={blocked}>
        Withdraw
      </Button>
    </form>
  );
}
