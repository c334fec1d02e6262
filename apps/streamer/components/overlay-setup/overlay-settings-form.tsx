'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { OverlaySettingsInput } from '@gametriggers/contracts';
import {
  overlayAnimations,
  overlayCorners,
  overlaySizes,
  rotationStrategies,
} from '@gametriggers/contracts';
import { Alert, Button, Card, Field, RadioCards, Select } from '@gametriggers/ui';
import { useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { FieldErrors } from '../streamer-profile/field-errors';
import { fieldErrorsOfServer } from '../streamer-profile/field-errors';
import { timeZoneOptions } from '../streamer-profile/vocabulary-options';
import { BlackoutEditor } from './blackout-editor';
import { animationLabels, cornerLabels, rotationStrategyText, sizeLabels } from './labels';
import { OverlayStagePreview } from './overlay-stage-preview';
import type { SettingsDraft } from './settings-draft';
import { draftOf, parseDraft } from './settings-draft';
import type { Overlay, OverlaySettings, PreviewAd } from './types';

/** The weighted strategy's three weights, in the order the form shows them. */
const weightFields: Array<{ name: keyof SettingsDraft['weights']; label: string }> = [
  { name: 'rate', label: 'Earnings' },
  { name: 'ctr', label: 'Click-through rate' },
  { name: 'fairness', label: 'Time since shown' },
];

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="space-y-4 border-t border-slate-200 pt-6 first:border-0 first:pt-0">
      <div>
        <h3 className="text-base font-semibold text-slate-900">{title}</h3>
        <p className="mt-0.5 text-sm text-slate-600">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** "600" seconds as "10 min", for the hint under a seconds field. */
function spokenDuration(text: string): string | undefined {
  const seconds = Number(text);
  if (!text.trim() || !Number.isInteger(seconds) || seconds <= 0) return undefined;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', rest ? `${rest} s` : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * How the overlay looks and rotates, with the card drawn live on a 16:9 stage as it is edited.
 * Checked with the service's own schema before anything is sent.
 */
export function OverlaySettingsForm({
  settings,
  sample,
  save,
}: {
  settings: OverlaySettings;
  sample: PreviewAd | undefined;
  save: (input: OverlaySettingsInput) => Promise<ActionResult<Overlay>>;
}) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [saved, setSaved] = useState<SettingsDraft>(draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [pending, setPending] = useState(false);

  const allZones = useMemo(timeZoneOptions, []);
  const zones = allZones.some((zone) => zone.value === draft.timeZone)
    ? allZones
    : [{ value: draft.timeZone, label: draft.timeZone.replaceAll('_', ' ') }, ...allZones];
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  const set = (patch: Partial<SettingsDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setNotice(undefined);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setError('Some settings need a look: see the messages below.');
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await save(parsed.input);
      if (result.ok) {
        const next = draftOf(result.data.settings);
        setDraft(next);
        setSaved(next);
        setNotice('Saved. Your overlay in OBS picks up the changes at once.');
      } else {
        setError(result.error.message);
        setErrors(fieldErrorsOfServer(result.error.fieldErrors));
      }
    } finally {
      setPending(false);
    }
  }

  const strategy = rotationStrategyText[draft.rotationStrategy];

  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Settings</h2>
      <p className="mt-1 text-sm text-slate-600">
        Where the sponsor card sits, how long it stays, and how your campaigns take turns.
      </p>
      <form
        className="mt-6 space-y-6"
        onSubmit={(event) => void submit(event)}
        noValidate
        data-testid="overlay-settings-form"
      >
        {error ? <Alert>{error}</Alert> : null}

        <Section title="Look" description="The preview follows your changes before you save.">
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
            <div className="space-y-5">
              <RadioCards
                name="corner"
                legend="Corner"
                options={overlayCorners.map((value) => ({ value, label: cornerLabels[value] }))}
                value={draft.corner}
                onChange={(corner) => set({ corner })}
                compact
                error={errors.corner}
                testId="overlay-corner"
              />
              <Select
                id="overlay-size"
                label="Size"
                options={overlaySizes.map((value) => ({ value, label: sizeLabels[value] }))}
                value={draft.size}
                onChange={(event) => set({ size: event.target.value as SettingsDraft['size'] })}
                error={errors.size}
              />
              <div className="space-y-1.5">
                <label
                  htmlFor="overlay-opacity"
                  className="flex items-center justify-between text-sm font-medium text-slate-800"
                >
                  <span>Opacity</span>
                  <span className="font-mono text-slate-600" data-testid="overlay-opacity-value">
                    {Math.round(draft.opacity * 100)} %
                  </span>
                </label>
                <input
                  id="overlay-opacity"
                  type="range"
                  min={0.2}
                  max={1}
                  step={0.05}
                  value={draft.opacity}
                  onChange={(event) => set({ opacity: Number(event.target.value) })}
                  className="w-full accent-brand-600"
                  aria-describedby="overlay-opacity-hint"
                />
                <p id="overlay-opacity-hint" className="text-sm text-slate-500">
                  {errors.opacity ?? 'From 20 % (see-through) to 100 % (solid).'}
                </p>
              </div>
              <Select
                id="overlay-animation"
                label="Animation"
                options={overlayAnimations.map((value) => ({
                  value,
                  label: animationLabels[value],
                }))}
                value={draft.animation}
                onChange={(event) =>
                  set({ animation: event.target.value as SettingsDraft['animation'] })
                }
                error={errors.animation}
              />
            </div>
            <div className="lg:sticky lg:top-4 lg:self-start">
              <OverlayStagePreview
                corner={draft.corner}
                size={draft.size}
                opacity={draft.opacity}
                animation={draft.animation}
                sample={sample}
              />
            </div>
          </div>
        </Section>

        <Section
          title="Timing"
          description="Each ad shows for as long as its brand bought; then your overlay takes a break."
        >
          <div className="grid gap-5 sm:grid-cols-3">
            <Field
              id="overlay-show-seconds"
              label="Show for (seconds)"
              type="number"
              inputMode="numeric"
              min={5}
              max={120}
              value={draft.showSeconds}
              onChange={(event) => set({ showSeconds: event.target.value })}
              error={errors.showSeconds}
              hint="5–120, your preferred length. An ad stays up as long as its brand bought."
            />
            <Field
              id="overlay-break-seconds"
              label="Break between ads (seconds)"
              type="number"
              inputMode="numeric"
              min={0}
              max={3600}
              value={draft.breakSeconds}
              onChange={(event) => set({ breakSeconds: event.target.value })}
              error={errors.breakSeconds}
              hint={spokenDuration(draft.breakSeconds) ?? 'No break: ads follow each other.'}
            />
            <Field
              id="overlay-max-ads"
              label="Most ads per hour"
              type="number"
              inputMode="numeric"
              min={1}
              max={120}
              value={draft.maxAdsPerHour}
              onChange={(event) => set({ maxAdsPerHour: event.target.value })}
              error={errors.maxAdsPerHour}
              hint="1–120, counted over the last hour."
            />
          </div>
        </Section>

        <Section
          title="Rotation"
          description="When several campaigns are active, this decides whose ad shows next."
        >
          <RadioCards
            name="rotationStrategy"
            legend="Strategy"
            options={rotationStrategies.map((value) => ({
              value,
              label: rotationStrategyText[value].label,
              description: rotationStrategyText[value].text,
            }))}
            value={draft.rotationStrategy}
            onChange={(rotationStrategy) => set({ rotationStrategy })}
            error={errors.rotationStrategy}
            testId="overlay-rotation-strategy"
          />
          <div className="grid gap-5 sm:grid-cols-3">
            <Field
              id="overlay-rotation-interval"
              label="Rotate every (seconds)"
              type="number"
              inputMode="numeric"
              min={30}
              max={86400}
              value={draft.rotationIntervalSeconds}
              onChange={(event) => set({ rotationIntervalSeconds: event.target.value })}
              error={errors.rotationIntervalSeconds}
              hint={`${spokenDuration(draft.rotationIntervalSeconds) ?? '30 s to a day'}: a campaign keeps its turn this long.`}
            />
          </div>
          {draft.rotationStrategy === 'weighted' ? (
            <fieldset className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
              <legend className="sr-only">Weights</legend>
              <p className="text-sm text-slate-700">
                {strategy.text} Each from 0 to 10; higher counts more.
              </p>
              <div className="grid gap-4 sm:grid-cols-3">
                {weightFields.map(({ name, label }) => (
                  <Field
                    key={name}
                    id={`overlay-weight-${name}`}
                    label={label}
                    type="number"
                    step="0.5"
                    min={0}
                    max={10}
                    value={draft.weights[name]}
                    onChange={(event) =>
                      set({ weights: { ...draft.weights, [name]: event.target.value } })
                    }
                    error={errors[`weights.${name}`]}
                  />
                ))}
              </div>
              {errors.weights ? <p className="text-sm text-red-600">{errors.weights}</p> : null}
            </fieldset>
          ) : null}
        </Section>

        <Section
          title="Schedule"
          description="Blackouts keep ads off at times you choose, on your own clock."
        >
          <div className="grid gap-5 sm:grid-cols-2">
            <Select
              id="overlay-time-zone"
              label="Time zone"
              options={zones}
              value={draft.timeZone}
              onChange={(event) => set({ timeZone: event.target.value })}
              error={errors.timeZone}
              hint="Weekly blackouts follow this clock, daylight saving included."
            />
          </div>
          <BlackoutEditor
            blackouts={draft.blackouts}
            timeZone={draft.timeZone}
            errors={errors}
            onChange={(blackouts) => set({ blackouts })}
          />
          {errors.blackouts ? <p className="text-sm text-red-600">{errors.blackouts}</p> : null}
        </Section>

        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
          <Button
            type="submit"
            loading={pending}
            disabled={pending || !dirty}
            data-testid="save-overlay-settings"
          >
            Save settings
          </Button>
          {dirty ? (
            <Button
              type="button"
              variant="ghost"
              disabled={pending}
              onClick={() => {
                setDraft(saved);
                setErrors({});
                setError(undefined);
              }}
            >
              Undo changes
            </Button>
          ) : null}
          <span
            aria-live="polite"
            className="text-sm text-emerald-700"
            data-testid="overlay-settings-notice"
          >
            {notice}
          </span>
          {dirty && !notice ? (
            <span className="text-sm text-slate-500">Unsaved changes</span>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
