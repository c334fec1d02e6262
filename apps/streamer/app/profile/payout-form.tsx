'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { cryptoPayoutCurrencies, setPayoutInput } from '@gametriggers/contracts';
import type { PayoutMethod, SetPayoutInput } from '@gametriggers/contracts';
import { Alert, Badge, Button, Card, Field, Select } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrors } from '../../components/streamer-profile/field-errors';
import {
  fieldErrorsOfIssues,
  fieldErrorsOfServer,
} from '../../components/streamer-profile/field-errors';

const methodLabels: Record<PayoutMethod, string> = {
  bank: 'Bank transfer (IBAN)',
  paypal: 'PayPal',
  crypto: 'Crypto wallet',
};

/**
 * Payout details: saved encrypted, shown afterwards only as a masked hint. Editing always asks for
 * the full details again, since they are never sent back to the browser.
 */
export function PayoutForm({
  current,
  save,
}: {
  current: { method: PayoutMethod; hint: string } | null;
  save: (input: SetPayoutInput) => Promise<ActionResult<{ method: string; hint: string }>>;
}) {
  const [editing, setEditing] = useState(!current);
  const [method, setMethod] = useState<PayoutMethod>(current?.method ?? 'bank');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const entry = form.get(name);
      return typeof entry === 'string' ? entry : '';
    };
    const candidate =
      method === 'bank'
        ? { method, accountHolder: value('accountHolder'), iban: value('iban') }
        : method === 'paypal'
          ? { method, email: value('email') }
          : { method, currency: value('currency'), address: value('address') };
    const parsed = setPayoutInput.safeParse(candidate);
    if (!parsed.success) {
      setErrors(fieldErrorsOfIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setError(undefined);
    setPending(true);
    try {
      const result = await save(candidate as SetPayoutInput);
      if (result.ok) {
        setEditing(false);
      } else {
        setError(result.error.message);
        setErrors(fieldErrorsOfServer(result.error.fieldErrors));
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <div className="mb-4 flex items-center justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold">Payout method</h2>
          <p className="mt-1 text-sm text-slate-600">
            Stored encrypted. We only ever show you the last few characters.
          </p>
        </div>
        {!editing && current ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => setEditing(true)}
            data-testid="edit-payout"
          >
            Change
          </Button>
        ) : null}
      </div>
      {current && !editing ? (
        <p className="flex items-center gap-3 text-sm" data-testid="payout-summary">
          <Badge tone="neutral">{methodLabels[current.method]}</Badge>
          <span className="font-mono text-slate-900" data-testid="payout-hint">
            {current.hint}
          </span>
        </p>
      ) : (
        <form
          className="space-y-5"
          onSubmit={(event) => void submit(event)}
          noValidate
          data-testid="payout-form"
        >
          {error ? <Alert>{error}</Alert> : null}
          {!current ? (
            <Alert tone="info">
              Add a payout method so your earnings can be paid out once they clear.
            </Alert>
          ) : null}
          <Select
            id="payout-method"
            label="Method"
            options={Object.entries(methodLabels).map(([value, label]) => ({ value, label }))}
            value={method}
            onChange={(event) => {
              setMethod(event.target.value as PayoutMethod);
              setErrors({});
            }}
          />
          {method === 'bank' ? (
            <div className="grid gap-5 sm:grid-cols-2">
              <Field
                id="payout-account-holder"
                name="accountHolder"
                label="Account holder"
                autoComplete="name"
                error={errors.accountHolder}
              />
              <Field
                id="payout-iban"
                name="iban"
                label="IBAN"
                autoComplete="off"
                spellCheck={false}
                error={errors.iban}
              />
            </div>
          ) : null}
          {method === 'paypal' ? (
            <Field
              id="payout-email"
              name="email"
              type="email"
              label="PayPal email"
              autoComplete="email"
              error={errors.email}
            />
          ) : null}
          {method === 'crypto' ? (
            <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
              <Select
                id="payout-currency"
                name="currency"
                label="Currency"
                options={cryptoPayoutCurrencies.map((currency) => ({
                  value: currency,
                  label: currency,
                }))}
                error={errors.currency}
              />
              <Field
                id="payout-address"
                name="address"
                label="Wallet address"
                autoComplete="off"
                spellCheck={false}
                error={errors.address}
              />
            </div>
          ) : null}
          <div className="flex gap-3">
            <Button type="submit" loading={pending} data-testid="save-payout">
              Save payout method
            </Button>
            {current ? (
              <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            ) : null}
          </div>
        </form>
      )}
    </Card>
  );
}
