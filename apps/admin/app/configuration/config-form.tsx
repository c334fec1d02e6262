'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { PlatformConfig, PlatformConfigKey, UpdatePlatformConfigInput } from '@gametriggers/contracts';
import { updatePlatformConfigInputSchema } from '@gametriggers/contracts';
import { Alert, Button, Card, Field, Textarea } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ConfigChanges } from './config-settings';
import { configChangesOf, configSettings, settingDisplay, settingText, unitOf } from './config-settings';

type Texts = Partial<Record<PlatformConfigKey, string>>;
type Outcome = { kind: 'saved'; version: number } | { kind: 'changed-meanwhile'; message: string } | { kind: 'refused'; message: string };

/**
 * The platform configuration as a form: every setting in the unit people think in, checked with the
 * admin service's schemas; a change needs a reason and a confirmation of exactly what changes.
 */
export function ConfigForm({
  version,
  values,
  save,
}: {
  version: number;
  values: PlatformConfig;
  save: (input: UpdatePlatformConfigInput) => Promise<ActionResult<{ version: number }>>;
}) {
  const [texts, setTexts] = useState<Texts>({});
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PlatformConfigKey | 'reason', string>>>({});
  const [message, setMessage] = useState<string>();
  const [review, setReview] = useState<ConfigChanges>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [pending, setPending] = useState(false);

  function reviewChanges(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(undefined);
    const result = configChangesOf(values, texts);
    const reasonCheck = updatePlatformConfigInputSchema.shape.reason.safeParse(reason);
    const errors = result.ok ? {} : { ...result.fieldErrors };
    setFieldErrors({ ...errors, ...(reasonCheck.success ? {} : { reason: reasonCheck.error.issues[0]?.message }) });
    setMessage(result.ok ? undefined : result.message);
    if (result.ok && reasonCheck.success) setReview(result.changes);
  }

  async function confirm() {
    if (!review) return;
    setPending(true);
    try {
      const result = await save({ changes: review, reason, expectedVersion: version });
      setReview(undefined);
      if (result.ok) {
        setOutcome({ kind: 'saved', version: result.data.version });
        setTexts({});
        setReason('');
      } else if (result.error.reason === 'config_changed_meanwhile') {
        setOutcome({ kind: 'changed-meanwhile', message: result.error.message });
      } else {
        setOutcome({ kind: 'refused', message: result.error.message });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <form onSubmit={reviewChanges} noValidate className="space-y-6" data-testid="config-form">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">Settings in force</h2>
          <span className="text-sm text-slate-500" data-testid="config-version">
            Version {version}
          </span>
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          {configSettings.map((setting) => {
            const unit = unitOf(setting);
            return (
              <Field
                key={setting.key}
                id={`config-${setting.key}`}
                name={setting.key}
                label={unit ? `${setting.label} (${unit})` : setting.label}
                inputMode="decimal"
                autoComplete="off"
                value={texts[setting.key] ?? settingText(setting, values[setting.key])}
                onChange={(event) => {
                  const text = event.target.value;
                  setTexts((current) => ({ ...current, [setting.key]: text }));
                  setReview(undefined);
                }}
                error={fieldErrors[setting.key]}
                hint={setting.hint}
                disabled={pending}
              />
            );
          })}
        </div>
        <Textarea
          id="config-reason"
          label="Why this change"
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setReview(undefined);
          }}
          error={fieldErrors.reason}
          hint="Kept with the new version and in the audit log."
          rows={3}
          disabled={pending}
        />
        {message ? <Alert tone="info">{message}</Alert> : null}
        {outcome?.kind === 'saved' ? (
          <Alert tone="success" title={`Saved as version ${outcome.version}`}>
            The services pick it up within seconds.
          </Alert>
        ) : null}
        {outcome?.kind === 'changed-meanwhile' ? (
          <div data-testid="config-changed-meanwhile">
            <Alert tone="warning" title="Someone else changed the configuration meanwhile">
              {outcome.message}{' '}
              <a href="/configuration" className="font-semibold underline">
                Reload the current settings
              </a>
            </Alert>
          </div>
        ) : null}
        {outcome?.kind === 'refused' ? <Alert title="The change was refused">{outcome.message}</Alert> : null}
        {review ? (
          <div className="space-y-3 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200" data-testid="config-review">
            <p className="font-semibold text-amber-900">Apply these changes?</p>
            <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
              {configSettings
                .filter((setting) => review[setting.key] !== undefined)
                .map((setting) => (
                  <li key={setting.key}>
                    {setting.label}: {settingDisplay(setting, values[setting.key])} →{' '}
                    <strong>{settingDisplay(setting, review[setting.key]!)}</strong>
                  </li>
                ))}
            </ul>
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={confirm} loading={pending} data-testid="config-confirm">
                Confirm and apply
              </Button>
              <Button type="button" variant="ghost" onClick={() => setReview(undefined)} disabled={pending}>
                Back
              </Button>
            </div>
          </div>
        ) : (
          <Button type="submit" data-testid="config-review-changes">
            Review changes
          </Button>
        )}
      </form>
    </Card>
  );
}
