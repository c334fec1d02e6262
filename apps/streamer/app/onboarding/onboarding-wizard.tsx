'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  onboardStreamerInput,
  streamerContentSchema,
  streamerDemographicsSchema,
  streamerDisplayNameSchema,
} from '@gametriggers/contracts';
import type { OnboardStreamerInput, StreamingPlatform } from '@gametriggers/contracts';
import { Alert, Button, Card, DetailList, Field, Stepper } from '@gametriggers/ui';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { ContentFields } from '../../components/streamer-profile/content-fields';
import { DemographicsFields } from '../../components/streamer-profile/demographics-fields';
import type { ContentDraft, DemographicsDraft } from '../../components/streamer-profile/drafts';
import {
  contentInputOf,
  demographicsInputOf,
  emptyContentDraft,
  emptyDemographicsDraft,
} from '../../components/streamer-profile/drafts';
import type { FieldErrors } from '../../components/streamer-profile/field-errors';
import {
  fieldErrorsOfIssues,
  fieldErrorsOfServer,
} from '../../components/streamer-profile/field-errors';
import {
  categoryLabel,
  countryLabel,
  languageLabel,
  platformLabels,
} from '../../components/streamer-profile/formatting';
import {
  ratingOptions,
  weekdayOptions,
} from '../../components/streamer-profile/vocabulary-options';

const steps = ['Connect', 'Content', 'Audience & schedule', 'Review'] as const;

const labelIn = (options: ReadonlyArray<{ value: string; label: string }>, value: string) =>
  options.find((option) => option.value === value)?.label ?? value;

const unlocks = [
  ['A verified badge', 'Brands see the channel is really yours.'],
  ['Real numbers', 'Followers and average viewers open campaigns with minimum sizes.'],
  ['Live detection', 'Impressions only count while you are live, so we need to see it.'],
] as const;

function subErrors(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([key]) => key.startsWith(`${prefix}.`))
      .map(([key, message]) => [key.slice(prefix.length + 1), message]),
  );
}

export function OnboardingWizard({
  onboard,
  connectedPlatforms,
  suggestedDisplayName = '',
  platforms,
  notice,
}: {
  onboard: (input: OnboardStreamerInput) => Promise<ActionResult<null>>;
  connectedPlatforms: readonly StreamingPlatform[];
  /** The connected channel's name, to start the display name from. */
  suggestedDisplayName?: string;
  /** The connect step's platform list, rendered by the server. */
  platforms: ReactNode;
  notice: ReactNode;
}) {
  const [step, setStep] = useState(0);
  const [displayName, setDisplayName] = useState(suggestedDisplayName);
  const [content, setContent] = useState<ContentDraft>(emptyContentDraft);
  const [demographics, setDemographics] = useState<DemographicsDraft>(
    emptyDemographicsDraft('UTC'),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<string>();
  const [pending, setPending] = useState(false);

  // The browser knows the streamer's time zone; the server render cannot.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone)
      setDemographics((draft) => (draft.timezone === 'UTC' ? { ...draft, timezone: zone } : draft));
  }, []);

  const input = (): OnboardStreamerInput => ({
    displayName,
    content: contentInputOf(content),
    demographics: demographicsInputOf(demographics),
  });

  function next() {
    let found: FieldErrors = {};
    if (step === 1) {
      const name = streamerDisplayNameSchema.safeParse(displayName);
      const parsedContent = streamerContentSchema.safeParse(contentInputOf(content));
      found = {
        ...(name.success ? {} : fieldErrorsOfIssues(name.error.issues, 'displayName')),
        ...(parsedContent.success
          ? {}
          : fieldErrorsOfIssues(parsedContent.error.issues, 'content')),
      };
    }
    if (step === 2) {
      const parsed = streamerDemographicsSchema.safeParse(demographicsInputOf(demographics));
      if (!parsed.success) found = fieldErrorsOfIssues(parsed.error.issues, 'demographics');
    }
    setErrors(found);
    if (Object.keys(found).length === 0) goTo(step + 1);
  }

  function goTo(index: number) {
    setStep(index);
    // The buttons sit below a long form: show the next step from its top.
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  async function submit() {
    const parsed = onboardStreamerInput.safeParse(input());
    if (!parsed.success) {
      const found = fieldErrorsOfIssues(parsed.error.issues);
      setErrors(found);
      goTo(Object.keys(found).some((key) => key.startsWith('demographics')) ? 2 : 1);
      return;
    }
    setPending(true);
    setSubmitError(undefined);
    try {
      // On success the action redirects to the profile.
      const result = await onboard(input());
      if (!result.ok) {
        setSubmitError(result.error.message);
        setErrors(fieldErrorsOfServer(result.error.fieldErrors));
      }
    } finally {
      setPending(false);
    }
  }

  const schedule = demographicsInputOf(demographics).streamingSchedule;
  return (
    <div className="max-w-3xl">
      <Stepper steps={steps} current={step} />
      <Card>
        {step === 0 ? (
          <section className="space-y-6" data-testid="onboarding-step-connect">
            <div>
              <h2 className="text-lg font-semibold">Connect your channel</h2>
              <p className="mt-1 text-sm text-slate-600">
                You can onboard first and connect later, but connecting unlocks:
              </p>
              <ul className="mt-3 grid gap-3 sm:grid-cols-3">
                {unlocks.map(([title, text]) => (
                  <li key={title} className="rounded-xl bg-brand-50/60 p-3 text-sm">
                    <p className="font-semibold text-brand-800">{title}</p>
                    <p className="mt-0.5 text-slate-600">{text}</p>
                  </li>
                ))}
              </ul>
            </div>
            {notice}
            {platforms}
          </section>
        ) : null}

        {step === 1 ? (
          <section className="space-y-5" data-testid="onboarding-step-content">
            <h2 className="text-lg font-semibold">What you stream</h2>
            <Field
              id="display-name"
              label="Display name"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
              error={errors.displayName}
              hint="How brands and viewers know you."
              autoComplete="nickname"
            />
            <ContentFields
              draft={content}
              onChange={setContent}
              errors={subErrors(errors, 'content')}
              idPrefix="content"
            />
          </section>
        ) : null}

        {step === 2 ? (
          <section className="space-y-5" data-testid="onboarding-step-demographics">
            <h2 className="text-lg font-semibold">Where and when</h2>
            <DemographicsFields
              draft={demographics}
              onChange={setDemographics}
              errors={subErrors(errors, 'demographics')}
              idPrefix="demographics"
            />
          </section>
        ) : null}

        {step === 3 ? (
          <section className="space-y-5" data-testid="onboarding-step-review">
            <h2 className="text-lg font-semibold">Check your profile</h2>
            {submitError ? <Alert>{submitError}</Alert> : null}
            <DetailList
              items={[
                { label: 'Display name', value: displayName.trim() },
                {
                  label: 'Connected',
                  value: connectedPlatforms.length
                    ? connectedPlatforms.map((platform) => platformLabels[platform]).join(', ')
                    : 'Nothing yet — you can connect from your profile',
                },
                {
                  label: 'Categories',
                  value: [content.primaryCategory, ...content.secondaryCategories]
                    .map(categoryLabel)
                    .join(', '),
                },
                { label: 'Language', value: languageLabel(content.language) },
                { label: 'Rating', value: labelIn(ratingOptions, content.rating) },
                { label: 'Country', value: countryLabel(demographics.country) },
                { label: 'Time zone', value: demographics.timezone.replaceAll('_', ' ') },
                {
                  label: 'Schedule',
                  value: schedule
                    ? `${schedule.days.map((day) => labelIn(weekdayOptions, day)).join(', ') || 'Any day'} · ${schedule.startTime}–${schedule.endTime}`
                    : 'Not set',
                },
              ]}
            />
          </section>
        ) : null}

        <div className="mt-8 flex flex-wrap justify-between gap-3 border-t border-slate-100 pt-6">
          {step > 0 ? (
            <Button type="button" variant="secondary" onClick={() => goTo(step - 1)}>
              Back
            </Button>
          ) : (
            <span />
          )}
          {step < steps.length - 1 ? (
            <Button type="button" onClick={next} data-testid="onboarding-next">
              {step === 0 && connectedPlatforms.length === 0 ? 'Skip for now' : 'Continue'}
            </Button>
          ) : (
            <Button
              type="button"
              loading={pending}
              onClick={() => void submit()}
              data-testid="onboarding-submit"
            >
              Create my profile
            </Button>
          )}
        </div>
      </Card>
    </div>
  );
}
