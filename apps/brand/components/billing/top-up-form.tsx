'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { centsAsAmountText, formatCents } from '@gametriggers/contracts';
import { Alert, Button, Card, Field, cn, focusRing } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { TOP_UP_PRESETS_CENTS, topUpAmountOf } from './amount-input';

export interface TopUpRequest {
  amountCents: number;
  saveCard: boolean;
}

/**
 * Top up: an amount (typed or picked), whether to keep the card for later, then the card payment
 * on the hosted checkout page, which brings the brand back to `/billing?topup=…`.
 */
export function TopUpForm({
  start,
  shortByCents,
}: {
  start: (request: TopUpRequest) => Promise<ActionResult<null>>;
  /** Prefills the amount a campaign's approval is short by (from `?amount=`). */
  shortByCents?: number | undefined;
}) {
  const [amount, setAmount] = useState(shortByCents ? centsAsAmountText(shortByCents) : '');
  const [saveCard, setSaveCard] = useState(false);
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = topUpAmountOf(amount);
    if (!parsed.ok) {
      setFieldError(parsed.message);
      return;
    }
    setFieldError(undefined);
    setError(undefined);
    setPending(true);
    try {
      // On success the action redirects to the checkout page; only a refusal comes back.
      const result = await start({ amountCents: parsed.cents, saveCard });
      if (!result.ok) setError(result.error.fieldErrors?.amountCents?.[0] ?? result.error.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <Card className="space-y-4">
      <div>
        <h2 id="top-up-heading" className="text-lg font-semibold text-slate-900">
          Top up
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Pay by card on our secure checkout page. The money is in your wallet as soon as the
          payment is confirmed.
        </p>
      </div>
      <form onSubmit={submit} noValidate aria-labelledby="top-up-heading" className="space-y-4" data-testid="top-up-form">
        <div className="flex flex-wrap gap-2" role="group" aria-label="Suggested amounts">
          {TOP_UP_PRESETS_CENTS.map((cents) => (
            <button
              key={cents}
              type="button"
              onClick={() => setAmount(centsAsAmountText(cents))}
              className={cn(
                'rounded-full bg-white px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50',
                focusRing,
              )}
            >
              {formatCents(cents)}
            </button>
          ))}
        </div>
        <Field
          id="top-up-amount"
          name="amount"
          label="Amount (USD)"
          inputMode="decimal"
          autoComplete="off"
          placeholder="250.00"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={fieldError}
        />
        <label className="flex items-start gap-3 text-sm text-slate-700">
          <input
            type="checkbox"
            name="saveCard"
            checked={saveCard}
            onChange={(event) => setSaveCard(event.target.checked)}
            className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
          />
          <span>
            Save this card for later top-ups
            <span className="block text-xs text-slate-500">Needed for automatic top-ups.</span>
          </span>
        </label>
        {error ? <Alert title="The top-up could not start">{error}</Alert> : null}
        <Button type="submit" loading={pending} className="w-full sm:w-auto">
          Continue to payment
        </Button>
      </form>
    </Card>
  );
}
