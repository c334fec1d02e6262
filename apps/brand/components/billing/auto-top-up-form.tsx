'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { autoTopUpInputSchema, centsAsAmountText } from '@gametriggers/contracts';
import type { AutoTopUpInput } from '@gametriggers/contracts';
import { Alert, Button, Field, Select } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { amountInputOf } from './amount-input';
import { cardLabel } from './card-label';
import type { AutoTopUpSettings, SavedCard } from './types';

/** What the form starts with before a brand has ever set it up. */
const DEFAULT_THRESHOLD_CENTS = 10_000;
const DEFAULT_AMOUNT_CENTS = 50_000;

type Errors = Partial<Record<'thresholdCents' | 'amountCents' | 'paymentMethodId', string>>;

/** Automatic top-up: when the wallet drops below a threshold, charge a saved card a set amount. */
export function AutoTopUpForm({
  settings,
  cards,
  save,
}: {
  settings: AutoTopUpSettings;
  cards: readonly SavedCard[];
  save: (input: AutoTopUpInput) => Promise<ActionResult<AutoTopUpSettings>>;
}) {
  const [enabled, setEnabled] = useState(settings.enabled);
  const neverSet = settings.amountCents === 0;
  const [threshold, setThreshold] = useState(
    centsAsAmountText(neverSet ? DEFAULT_THRESHOLD_CENTS : settings.thresholdCents),
  );
  const [amount, setAmount] = useState(centsAsAmountText(neverSet ? DEFAULT_AMOUNT_CENTS : settings.amountCents));
  const [cardId, setCardId] = useState(settings.paymentMethodId ?? cards[0]?.id ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const thresholdInput = amountInputOf(threshold, autoTopUpInputSchema.shape.thresholdCents);
    const amountInput = amountInputOf(amount, autoTopUpInputSchema.shape.amountCents);
    const found: Errors = {
      ...(thresholdInput.ok ? {} : { thresholdCents: thresholdInput.message }),
      ...(amountInput.ok ? {} : { amountCents: amountInput.message }),
      ...(enabled && !cardId ? { paymentMethodId: 'Choose the card to charge' } : {}),
    };
    setErrors(found);
    if (!thresholdInput.ok || !amountInput.ok || Object.keys(found).length > 0) return;
    const input: AutoTopUpInput = {
      enabled,
      thresholdCents: thresholdInput.cents,
      amountCents: amountInput.cents,
      ...(cardId ? { paymentMethodId: cardId } : {}),
    };
    setError(undefined);
    setPending(true);
    try {
      const result = await save(input);
      if (result.ok) setSaved(true);
      else {
        setError(result.error.message);
        const fields = result.error.fieldErrors ?? {};
        setErrors({
          thresholdCents: fields.thresholdCents?.[0],
          amountCents: fields.amountCents?.[0],
          paymentMethodId: fields.paymentMethodId?.[0],
        });
      }
    } finally {
      setPending(false);
    }
  }

  if (cards.length === 0 && !settings.enabled) {
    return (
      <p className="text-sm text-slate-600" data-testid="auto-top-up-needs-card">
        <span className="font-medium text-slate-800">Automatic top-up</span> keeps campaigns running
        by charging a saved card when the wallet runs low. Save a card with your next top-up to turn
        it on.
      </p>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="auto-top-up-form">
      <label className="flex items-start gap-3 text-sm text-slate-800">
        <input
          type="checkbox"
          name="enabled"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
          className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
        />
        <span>
          <span className="font-medium">Top up automatically</span>
          <span className="block text-slate-500">Keeps campaigns running without interruptions.</span>
        </span>
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="auto-top-up-threshold"
          name="threshold"
          label="When the wallet drops below (USD)"
          inputMode="decimal"
          value={threshold}
          onChange={(event) => setThreshold(event.target.value)}
          error={errors.thresholdCents}
          disabled={!enabled}
        />
        <Field
          id="auto-top-up-amount"
          name="amount"
          label="Add (USD)"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={errors.amountCents}
          disabled={!enabled}
        />
      </div>
      {cards.length > 0 ? (
        <Select
          id="auto-top-up-card"
          name="paymentMethodId"
          label="Card to charge"
          value={cardId}
          onChange={(event) => setCardId(event.target.value)}
          options={cards.map((card) => ({ value: card.id, label: cardLabel(card) }))}
          error={errors.paymentMethodId}
          disabled={!enabled}
        />
      ) : null}
      {error ? <Alert title="Automatic top-up was not saved">{error}</Alert> : null}
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      <Button type="submit" variant="secondary" loading={pending}>
        Save
      </Button>
    </form>
  );
}
