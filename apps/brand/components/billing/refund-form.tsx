'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { formatCents, refundRequestInputSchema } from '@gametriggers/contracts';
import { Alert, Button, Field } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { amountInputOf } from './amount-input';

/** Asks for unspent wallet money back to the cards that paid it (at most what is available). */
export function RefundForm({
  availableCents,
  request,
}: {
  availableCents: number;
  request: (amountCents: number) => Promise<ActionResult<{ refundedCents: number }>>;
}) {
  const [amount, setAmount] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<number>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(undefined);
    const parsed = amountInputOf(amount, refundRequestInputSchema.shape.amountCents);
    const message = !parsed.ok
      ? parsed.message
      : parsed.cents > availableCents
        ? `You have ${formatCents(availableCents)} available to refund`
        : undefined;
    setFieldError(message);
    if (!parsed.ok || message) return;
    setError(undefined);
    setPending(true);
    try {
      const result = await request(parsed.cents);
      if (result.ok) {
        setDone(result.data.refundedCents);
        setAmount('');
      } else setError(result.error.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="refund-form">
      <Field
        id="refund-amount"
        name="amount"
        label="Amount to refund (USD)"
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={fieldError}
        hint={`Up to ${formatCents(availableCents)}: money reserved for running campaigns stays with them.`}
        disabled={availableCents === 0}
      />
      {error ? <Alert title="The refund could not be started">{error}</Alert> : null}
      {done !== undefined ? (
        <Alert tone="success" title="Refund requested">
          {formatCents(done)} is on its way back to your card; banks take 5–10 days to show it.
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" loading={pending} disabled={availableCents === 0}>
        Request refund
      </Button>
    </form>
  );
}
