'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  billingInfoSchema,
  brandPreferencesSchema,
  companyInfoSchema,
  contactPersonSchema,
  onboardBrandInputSchema,
} from '@gametriggers/contracts';
import type { OnboardBrandInput } from '@gametriggers/contracts';
import { Alert, Button, Card, Stepper } from '@gametriggers/ui';
import { unstable_rethrow } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { FieldErrors } from '../../components/brand-profile/field-errors';
import {
  fieldErrorsOfIssues,
  fieldErrorsOfServer,
  fieldErrorsUnder,
} from '../../components/brand-profile/field-errors';
import type { ProfileDrafts } from '../../components/brand-profile/form-values';
import {
  billingInfoFrom,
  companyInfoFrom,
  contactPersonFrom,
  preferencesFrom,
} from '../../components/brand-profile/form-values';
import {
  clearOnboardingDraft,
  readOnboardingDraft,
  writeOnboardingDraft,
} from '../../components/brand-profile/onboarding-draft';
import {
  BillingInfoDetails,
  CompanyInfoDetails,
  ContactPersonDetails,
  PreferencesDetails,
} from '../../components/brand-profile/profile-details';
import {
  BillingInfoFields,
  CompanyInfoFields,
  ContactPersonFields,
  PreferencesFields,
} from '../../components/brand-profile/section-fields';

type Section = keyof ProfileDrafts;

const steps: ReadonlyArray<{ section: Section | 'review'; title: string; intro: string }> = [
  {
    section: 'companyInfo',
    title: 'Company',
    intro: 'Who you are. Streamers see your company name, industry and website.',
  },
  {
    section: 'contactPerson',
    title: 'Contact',
    intro: 'The person we talk to about campaigns and verification.',
  },
  {
    section: 'preferences',
    title: 'Preferences',
    intro:
      'What you want to reach. This shapes the streamers we suggest; you can change it any time.',
  },
  {
    section: 'billingInfo',
    title: 'Billing',
    intro: 'Where invoices go. Nothing is charged until you fund a campaign.',
  },
  { section: 'review', title: 'Review', intro: 'Check everything, then create your profile.' },
];

const sectionSchemas = {
  companyInfo: companyInfoSchema,
  contactPerson: contactPersonSchema,
  preferences: brandPreferencesSchema,
  billingInfo: billingInfoSchema,
};

function inputOf(drafts: ProfileDrafts): OnboardBrandInput {
  return {
    companyInfo: companyInfoFrom(drafts.companyInfo),
    contactPerson: contactPersonFrom(drafts.contactPerson),
    preferences: preferencesFrom(drafts.preferences),
    billingInfo: billingInfoFrom(drafts.billingInfo),
  };
}

/**
 * The five onboarding steps. What is typed is kept in the tab's session storage under the account
 * (`draftOwner`), so a reload picks up where it was; it is cleared when the profile is sent.
 */
export function OnboardingWizard({
  onboard,
  draftOwner,
  initialDrafts,
}: {
  onboard: (input: OnboardBrandInput) => Promise<ActionResult<null>>;
  draftOwner: string;
  /** Empty fields, with what sign-up already collected filled in. */
  initialDrafts: ProfileDrafts;
}) {
  const [drafts, setDrafts] = useState<ProfileDrafts>(initialDrafts);
  const [stepIndex, setStepIndex] = useState(0);
  // Storage exists only in the browser: read it after hydration, and write only after reading.
  const [restoreState, setRestoreState] = useState<'reading' | 'fresh' | 'restored'>('reading');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState(false);
  const step = steps[stepIndex] ?? steps[0]!;
  const input = inputOf(drafts);

  useEffect(() => {
    const kept = readOnboardingDraft(window.sessionStorage, draftOwner, steps.length);
    if (kept) {
      setDrafts(kept.drafts);
      setStepIndex(kept.stepIndex);
    }
    setRestoreState(kept ? 'restored' : 'fresh');
  }, [draftOwner]);

  useEffect(() => {
    if (restoreState === 'reading') return;
    writeOnboardingDraft(window.sessionStorage, draftOwner, { drafts, stepIndex });
  }, [restoreState, draftOwner, drafts, stepIndex]);

  function setSection<S extends Section>(section: S, value: ProfileDrafts[S]) {
    setDrafts((current) => ({ ...current, [section]: value }));
  }

  function goTo(index: number) {
    setStepIndex(index);
    setFailure(undefined);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  /** Shows the first step holding an error, with every error of the form. */
  function showErrors(found: FieldErrors) {
    setErrors(found);
    const first = steps.findIndex(
      (candidate) =>
        candidate.section !== 'review' &&
        Object.keys(fieldErrorsUnder(found, candidate.section)).length > 0,
    );
    if (first >= 0) goTo(first);
  }

  async function next(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.section !== 'review') {
      const parsed = sectionSchemas[step.section].safeParse(input[step.section]);
      if (!parsed.success) {
        setErrors(
          Object.fromEntries(
            Object.entries(fieldErrorsOfIssues(parsed.error.issues)).map(([key, message]) => [
              `${step.section}.${key}`,
              message,
            ]),
          ),
        );
        return;
      }
      setErrors({});
      goTo(stepIndex + 1);
      return;
    }
    const parsed = onboardBrandInputSchema.safeParse(input);
    if (!parsed.success) {
      showErrors(fieldErrorsOfIssues(parsed.error.issues));
      return;
    }
    setPending(true);
    // Sent: the profile is created and the page moves on. Only a refusal keeps the draft again.
    clearOnboardingDraft(window.sessionStorage, draftOwner);
    try {
      const result = await onboard(parsed.data);
      if (!result.ok) {
        writeOnboardingDraft(window.sessionStorage, draftOwner, { drafts, stepIndex });
        setFailure(result.error.message);
        showErrors(fieldErrorsOfServer(result.error.fieldErrors));
      }
    } catch (error) {
      // Success arrives as the redirect to the profile: that is not a failure to recover from.
      unstable_rethrow(error);
      writeOnboardingDraft(window.sessionStorage, draftOwner, { drafts, stepIndex });
      throw error;
    } finally {
      setPending(false);
    }
  }

  const sectionErrors = (section: Section) => fieldErrorsUnder(errors, section);
  const currency = drafts.billingInfo.currency || 'USD';

  return (
    <div className="mx-auto max-w-3xl">
      <Stepper steps={steps.map((candidate) => candidate.title)} current={stepIndex} />
      <form onSubmit={(event) => void next(event)} noValidate data-testid="onboarding-wizard">
        <Card>
          <h2 className="text-lg font-semibold text-slate-900" data-testid="onboarding-step-title">
            {step.title}
          </h2>
          <p className="mt-1 mb-6 text-sm text-slate-600">{step.intro}</p>
          {restoreState === 'restored' ? (
            <p className="-mt-3 mb-6 text-sm text-slate-500" data-testid="onboarding-restored">
              We kept what you typed before the page reloaded.
            </p>
          ) : null}
          {failure ? (
            <div className="mb-6">
              <Alert>{failure}</Alert>
            </div>
          ) : null}
          {step.section === 'companyInfo' ? (
            <CompanyInfoFields
              idPrefix="onboarding"
              value={drafts.companyInfo}
              onChange={(value) => setSection('companyInfo', value)}
              errors={sectionErrors('companyInfo')}
            />
          ) : step.section === 'contactPerson' ? (
            <ContactPersonFields
              idPrefix="onboarding"
              value={drafts.contactPerson}
              onChange={(value) => setSection('contactPerson', value)}
              errors={sectionErrors('contactPerson')}
            />
          ) : step.section === 'preferences' ? (
            <PreferencesFields
              idPrefix="onboarding"
              value={drafts.preferences}
              onChange={(value) => setSection('preferences', value)}
              errors={sectionErrors('preferences')}
              currency={currency}
            />
          ) : step.section === 'billingInfo' ? (
            <BillingInfoFields
              idPrefix="onboarding"
              value={drafts.billingInfo}
              onChange={(value) => setSection('billingInfo', value)}
              errors={sectionErrors('billingInfo')}
            />
          ) : (
            <div className="space-y-6" data-testid="onboarding-review">
              <ReviewSection title="Company" onEdit={() => goTo(0)}>
                <CompanyInfoDetails section={input.companyInfo} />
              </ReviewSection>
              <ReviewSection title="Contact" onEdit={() => goTo(1)}>
                <ContactPersonDetails section={input.contactPerson} />
              </ReviewSection>
              <ReviewSection title="Preferences" onEdit={() => goTo(2)}>
                <PreferencesDetails section={input.preferences} currency={currency} />
              </ReviewSection>
              <ReviewSection title="Billing" onEdit={() => goTo(3)}>
                <BillingInfoDetails section={input.billingInfo} />
              </ReviewSection>
            </div>
          )}
          <div className="mt-8 flex flex-wrap justify-between gap-3 border-t border-slate-100 pt-6">
            {stepIndex > 0 ? (
              <Button
                type="button"
                variant="secondary"
                onClick={() => goTo(stepIndex - 1)}
                disabled={pending}
                data-testid="onboarding-back"
              >
                Back
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" loading={pending} data-testid="onboarding-next">
              {step.section === 'review' ? 'Create company profile' : 'Continue'}
            </Button>
          </div>
        </Card>
      </form>
    </div>
  );
}

function ReviewSection({
  title,
  onEdit,
  children,
}: {
  title: string;
  onEdit: () => void;
  children: ReactNode;
}) {
  return (
    <section className="border-b border-slate-100 pb-6 last:border-0 last:pb-0">
      <div className="mb-3 flex items-center justify-between">
        <h3 className="font-semibold text-slate-900">{title}</h3>
        <button
          type="button"
          onClick={onEdit}
          aria-label={`Edit ${title.toLowerCase()}`}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          Edit
        </button>
      </div>
      {children}
    </section>
  );
}
