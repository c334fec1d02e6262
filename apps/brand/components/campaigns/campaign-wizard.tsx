'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  campaignInputSchema,
  contentCategories,
  countries,
  languages,
  pricingModels,
} from '@gametriggers/contracts';
import type { BrandVerificationStatus, CampaignFields } from '@gametriggers/contracts';
import {
  AdCardPreview,
  Alert,
  Button,
  Card,
  CheckboxGroup,
  Field,
  Select,
  Spinner,
  Stepper,
  Textarea,
} from '@gametriggers/ui';
import { unstable_rethrow } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrors } from '../brand-profile/field-errors';
import { errorAt, fieldErrorsOfIssues, fieldErrorsOfServer } from '../brand-profile/field-errors';
import { VerificationRequirement } from '../brand-profile/verification-requirement';
import { CampaignFacts } from './campaign-facts';
import type { ChosenCreative } from './creative-choice';
import { CreativePicker } from './creative-picker';
import { CreativeModerationBadge, CreativeThumbnail } from './creative-thumbnail';
import type { CampaignDraft } from './campaign-draft';
import { candidateOf, defaultSchedule, liveEditableFields, toLocalInput } from './campaign-draft';
import { EstimatedReachNote } from './estimated-reach-note';
import { errorPathOf, stepOfPath, wizardSteps } from './wizard-steps';

const categoryOptions = contentCategories.map((entry) => ({ value: entry.id, label: entry.label }));
const languageOptions = languages.map((entry) => ({ value: entry.id, label: entry.label }));
const countryOptions = countries.map((entry) => ({ value: entry.id, label: entry.label }));
const pricingOptions = pricingModels.map((entry) => ({
  value: entry.id,
  label: `${entry.label} — ${entry.unit}`,
}));

const rateHints = {
  cpm: 'What you pay per 1,000 counted impressions, e.g. 15.00.',
  cpc: 'What you pay per tracked click, e.g. 0.50.',
  fixed: 'The fee each participating streamer earns, e.g. 250.00.',
} as const;

/** Errors the service attaches in `details.fieldErrors` (rule checks) besides input validation. */
function serverFieldErrors(error: {
  fieldErrors?: Record<string, string[]>;
  details?: unknown;
}): FieldErrors {
  const details = error.details as { fieldErrors?: Record<string, string[]> } | undefined;
  return {
    ...fieldErrorsOfServer(details?.fieldErrors),
    ...fieldErrorsOfServer(error.fieldErrors),
  };
}

/**
 * Where the save stands, said only as far as the server has confirmed it: a save that succeeds
 * opens the campaign, whose page then says it was saved.
 */
function SaveState({
  pending,
  failed,
  submitLabel,
}: {
  pending: boolean;
  failed: boolean;
  submitLabel: string;
}) {
  const state = pending ? 'saving' : failed ? 'failed' : 'unsaved';
  return (
    <p
      role="status"
      data-testid="campaign-save-state"
      data-state={state}
      className={
        state === 'failed'
          ? 'flex items-center gap-2 text-sm font-medium text-red-700'
          : 'flex items-center gap-2 text-sm text-slate-600'
      }
    >
      {state === 'saving' ? (
        <>
          <Spinner decorative /> Saving…
        </>
      ) : state === 'failed' ? (
        'Not saved — see the message below'
      ) : (
        `Not saved yet — nothing is kept until you choose “${submitLabel}” on the last step`
      )}
    </p>
  );
}

/**
 * Create or edit a campaign in six steps (basics → creative & link → targeting → pricing & budget
 * → schedule → review), each checked with the contract schema before moving on, beside a live
 * preview of the overlay card. A live campaign only unlocks what the service lets change.
 */
export function CampaignWizard({
  initial,
  schedule,
  brandName,
  live = false,
  verificationStatus,
  submitLabel,
  save,
  defaultCooloffHours = null,
  initialCreative = null,
}: {
  initial: CampaignDraft;
  /** The creative the campaign has (editing), with its upload's moderation. */
  initialCreative?: ChosenCreative | null;
  /** The campaign's start and end; a new campaign gets tomorrow 09:00 for 30 days. */
  schedule?: { startsAt: Date; endsAt: Date };
  brandName: string;
  /** Approved (active or paused): only description, a later end, budget, limit and frequency. */
  live?: boolean;
  /** The brand's verification: until it is verified, the wizard says submitting needs it. */
  verificationStatus: BrandVerificationStatus;
  submitLabel: string;
  save: (fields: CampaignFields) => Promise<ActionResult<null>>;
  /** The platform's default G-Key cool-off, for the hint (null: not known right now). */
  defaultCooloffHours?: number | null;
}) {
  const [draft, setDraft] = useState(initial);
  const [creative, setCreative] = useState(initialCreative);
  /** The file being uploaded, shown in the preview before it is checked. */
  const [uploadPreview, setUploadPreview] = useState<{ type: 'image' | 'video'; url: string } | null>(null);
  const [stepIndex, setStepIndex] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState(false);
  const step = wizardSteps[stepIndex] ?? wizardSteps[0]!;
  const candidate = candidateOf(draft);
  const parsed = campaignInputSchema.safeParse(candidate);

  // Local times exist only in the browser: fill the schedule in after hydration.
  useEffect(() => {
    const { startsAt, endsAt } = schedule ?? defaultSchedule();
    setDraft((current) => ({
      ...current,
      startsAt: toLocalInput(startsAt),
      endsAt: toLocalInput(endsAt),
    }));
    // Once, on mount: later renders must not overwrite what the brand typed.
  }, []);

  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const locked = (key: keyof CampaignDraft) =>
    live &&
    !liveEditableFields.some(
      (field) => errorPathOf[key] === field || errorPathOf[key].startsWith(`${field}.`),
    );
  const errorOf = (key: keyof CampaignDraft) => errorAt(errors, errorPathOf[key]);
  const text = (key: keyof CampaignDraft) => ({
    id: `campaign-${key}`,
    value: draft[key] as string,
    onChange: (event: { target: { value: string } }) => set(key, event.target.value as never),
    error: errorOf(key),
    disabled: locked(key) || pending,
  });

  function goTo(index: number) {
    setStepIndex(index);
    setFailure(undefined);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  /** Every error of the whole form, with a start in the past refused before it reaches review. */
  function allErrors(): FieldErrors {
    const found = parsed.success ? {} : fieldErrorsOfIssues(parsed.error.issues);
    if (!live && parsed.success && parsed.data.startsAt.getTime() < Date.now()) {
      found.startsAt ??= 'Choose a start in the future';
    }
    return found;
  }

  function showErrors(found: FieldErrors) {
    setErrors(found);
    const first = Math.min(
      ...Object.keys(found)
        .map(stepOfPath)
        .filter((index) => index >= 0),
    );
    if (Number.isFinite(first)) goTo(first);
  }

  async function next(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = allErrors();
    if (step.key !== 'review') {
      const here = Object.fromEntries(
        Object.entries(found).filter(([path]) => stepOfPath(path) === stepIndex),
      );
      setErrors(here);
      if (Object.keys(here).length === 0) goTo(stepIndex + 1);
      return;
    }
    if (Object.keys(found).length > 0 || !parsed.success) {
      showErrors(found);
      return;
    }
    setPending(true);
    setFailure(undefined);
    let result: ActionResult<null>;
    try {
      result = await save(parsed.data);
    } catch (error) {
      // On success the action redirects (to the saved campaign), which arrives as this rejection.
      unstable_rethrow(error);
      setPending(false);
      setFailure(
        'We could not reach the server, so nothing was saved. Check your connection and try again.',
      );
      return;
    }
    // Only a refusal comes back.
    setPending(false);
    if (!result.ok) {
      const fromServer = serverFieldErrors(result.error);
      setFailure(result.error.message);
      if (Object.keys(fromServer).length > 0) showErrors(fromServer);
    }
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="min-w-0">
        {live ? null : (
          <div className="mb-6">
            <VerificationRequirement status={verificationStatus} />
          </div>
        )}
        <Stepper steps={wizardSteps.map((entry) => entry.title)} current={stepIndex} />
        {live ? (
          <div className="mb-6">
            <Alert tone="info" title="This campaign is approved">
              You can change the description, extend the end, adjust the budget (not below what is
              spent), the participant limit and the frequency. Everything else stays as approved.
            </Alert>
          </div>
        ) : null}
        <form onSubmit={next} noValidate data-testid="campaign-wizard" data-step={step.key}>
          <Card className="space-y-6">
            <div>
              <h2 className="text-lg font-semibold text-slate-900">{step.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{step.intro}</p>
            </div>

            {step.key === 'basics' ? (
              <>
                <Field
                  label="Title"
                  maxLength={120}
                  {...text('title')}
                  hint="Short and specific, e.g. “Acme Energy launch week”."
                />
                <Textarea
                  label="Description"
                  rows={5}
                  maxLength={5000}
                  {...text('description')}
                  hint="What streamers promote, talking points, anything they must not say."
                />
                <CheckboxGroup
                  name="categories"
                  legend="Categories (1 to 5)"
                  options={categoryOptions}
                  value={draft.categories}
                  onChange={(value) => !locked('categories') && set('categories', value)}
                  error={errorOf('categories')}
                  hint="A streamer must stream at least one of these."
                />
              </>
            ) : null}

            {step.key === 'creative' ? (
              <>
                <CreativePicker
                  chosen={creative}
                  onChoose={(chosen) => {
                    setCreative(chosen);
                    set('creativeAssetId', chosen.assetId ?? '');
                    setErrors(({ 'creative.assetId': _cleared, ...rest }) => rest);
                  }}
                  onPreview={setUploadPreview}
                  error={errorOf('creativeAssetId')}
                  locked={locked('creativeAssetId') || pending}
                />
                <Field
                  label="Alt text (optional)"
                  maxLength={300}
                  {...text('creativeAltText')}
                  hint="Describes the creative for screen readers."
                />
                <Field
                  label="Click-through link"
                  type="url"
                  placeholder="https://example.com/offer"
                  {...text('clickThroughUrl')}
                  hint="Where viewers land from the stream’s link, chat command and QR code."
                />
              </>
            ) : null}

            {step.key === 'targeting' ? (
              <>
                <CheckboxGroup
                  name="languages"
                  legend="Languages"
                  options={languageOptions}
                  value={draft.languages}
                  onChange={(value) => !locked('languages') && set('languages', value)}
                  error={errorOf('languages')}
                  hint="None selected: any language."
                />
                <CheckboxGroup
                  name="regions"
                  legend="Regions"
                  options={countryOptions}
                  value={draft.regions}
                  onChange={(value) => !locked('regions') && set('regions', value)}
                  error={errorOf('regions')}
                  hint="None selected: worldwide."
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field
                    label="Minimum followers"
                    type="number"
                    min={0}
                    inputMode="numeric"
                    {...text('minFollowers')}
                  />
                  <Field
                    label="Minimum average viewers"
                    type="number"
                    min={0}
                    inputMode="numeric"
                    {...text('minAverageViewers')}
                  />
                </div>
              </>
            ) : null}

            {step.key === 'pricing' ? (
              <>
                <Select label="Pricing model" options={pricingOptions} {...text('pricingModel')} />
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field
                    label="Rate (USD)"
                    inputMode="decimal"
                    {...text('rateDollars')}
                    hint={rateHints[draft.pricingModel]}
                  />
                  <Field
                    label="Total budget (USD)"
                    inputMode="decimal"
                    {...text('budgetDollars')}
                    hint="At least $100.00."
                  />
                  <Field
                    label="Cap per streamer (USD, optional)"
                    inputMode="decimal"
                    {...text('perStreamerCapDollars')}
                    hint="Empty: no cap."
                  />
                  <Field
                    label="Participant limit (optional)"
                    type="number"
                    min={1}
                    inputMode="numeric"
                    {...text('maxParticipants')}
                    hint="Empty: no limit."
                  />
                  <Field
                    label="Impression target (optional)"
                    type="number"
                    min={1}
                    inputMode="numeric"
                    {...text('targetImpressions')}
                    hint="The campaign completes when it is reached."
                  />
                  <Select
                    label="Joining"
                    options={[
                      { value: 'open', label: 'Open: streamers join at once' },
                      { value: 'approval', label: 'Approval: you accept each application' },
                    ]}
                    {...text('joinMode')}
                  />
                </div>
                <EstimatedReachNote
                  pricing={{ model: draft.pricingModel, rateCents: candidate.pricing.rateCents }}
                  budgetCents={candidate.budgetCents}
                />
              </>
            ) : null}

            {step.key === 'schedule' ? (
              <>
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field
                    label="Starts"
                    type="datetime-local"
                    {...text('startsAt')}
                    hint="In your time zone."
                  />
                  <Field
                    label="Ends"
                    type="datetime-local"
                    {...text('endsAt')}
                    hint={
                      live
                        ? 'A live campaign can only be extended.'
                        : 'At most 365 days after the start.'
                    }
                  />
                </div>
                <div className="grid gap-4 sm:grid-cols-3">
                  <Field
                    label="Seconds per show"
                    type="number"
                    min={5}
                    max={120}
                    {...text('adDurationSeconds')}
                    hint="5 to 120."
                  />
                  <Field
                    label="Minutes between shows"
                    type="number"
                    min={1}
                    {...text('minMinutesBetweenShows')}
                  />
                  <Field
                    label="Shows per hour (max)"
                    type="number"
                    min={1}
                    max={60}
                    {...text('maxShowsPerHour')}
                  />
                </div>
                <Field
                  label="G-Key cool-off (hours)"
                  type="number"
                  min={0}
                  {...text('gkeyCooloffHours')}
                  placeholder={
                    defaultCooloffHours === null
                      ? 'platform default'
                      : `${defaultCooloffHours} (platform default)`
                  }
                  hint={`How long a streamer’s category key stays locked after leaving. Leave empty for the platform default${defaultCooloffHours === null ? '' : ` (${defaultCooloffHours} hours)`}.`}
                />
              </>
            ) : null}

            {step.key === 'review' ? (
              parsed.success ? (
                <div data-testid="campaign-review" className="space-y-4">
                  <div>
                    <h3 className="font-semibold text-slate-900">{parsed.data.title}</h3>
                    <p className="mt-1 text-sm whitespace-pre-line text-slate-600">
                      {parsed.data.description}
                    </p>
                  </div>
                  {creative ? (
                    <div className="flex items-center gap-3 text-sm text-slate-700">
                      <CreativeThumbnail creative={creative} className="w-28" alt={draft.creativeAltText} />
                      <div className="space-y-1">
                        <p className="font-medium text-slate-900">{creative.name ?? 'Creative'}</p>
                        <CreativeModerationBadge moderation={creative.moderation} />
                      </div>
                    </div>
                  ) : null}
                  <CampaignFacts
                    campaign={parsed.data}
                    defaultCooloffHours={defaultCooloffHours}
                  />
                  <EstimatedReachNote
                    pricing={parsed.data.pricing}
                    budgetCents={parsed.data.budgetCents}
                  />
                </div>
              ) : (
                <Alert tone="warning">
                  Some steps still need attention; save to be taken to the first one.
                </Alert>
              )
            ) : null}

            {failure ? <Alert title="Not saved">{failure}</Alert> : null}

            <SaveState pending={pending} failed={failure !== undefined} submitLabel={submitLabel} />

            <div className="flex flex-wrap justify-between gap-3 border-t border-slate-100 pt-5">
              <Button
                type="button"
                variant="ghost"
                onClick={() => goTo(stepIndex - 1)}
                disabled={stepIndex === 0 || pending}
              >
                Back
              </Button>
              <Button
                type="submit"
                loading={pending}
                data-testid={step.key === 'review' ? 'campaign-save' : 'wizard-next'}
              >
                {step.key === 'review' ? submitLabel : 'Continue'}
              </Button>
            </div>
          </Card>
        </form>
      </div>
      <aside className="space-y-3 lg:sticky lg:top-6 lg:self-start">
        <h2 className="text-sm font-semibold text-slate-700">Live preview</h2>
        <AdCardPreview
          creative={{
            type: uploadPreview?.type ?? creative?.type ?? 'image',
            url: uploadPreview?.url ?? creative?.url ?? '',
            altText: draft.creativeAltText,
          }}
          brandName={brandName}
          title={draft.title}
          clickThroughUrl={draft.clickThroughUrl}
          adDurationSeconds={Number(draft.adDurationSeconds) || undefined}
        />
        <p className="text-xs text-slate-500">
          How the card appears in a corner of the stream. Streamers choose the corner and size in
          their overlay settings.
        </p>
      </aside>
    </div>
  );
}
