'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import {
  billingInfoSchema,
  brandPreferencesSchema,
  companyInfoSchema,
  contactPersonSchema,
} from '@gametriggers/contracts';
import type { UpdateBrandProfileInput } from '@gametriggers/contracts';
import { Alert, Button, Card } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import type { FieldErrors } from './field-errors';
import { fieldErrorsOfIssues, fieldErrorsOfServer, fieldErrorsUnder } from './field-errors';
import type {
  BillingDraft,
  CompanyDraft,
  ContactDraft,
  PreferencesDraft,
  ProfileDrafts,
} from './form-values';
import {
  billingInfoFrom,
  companyInfoFrom,
  contactPersonFrom,
  preferencesFrom,
} from './form-values';
import {
  BillingInfoFields,
  CompanyInfoFields,
  ContactPersonFields,
  PreferencesFields,
} from './section-fields';

type Section = keyof ProfileDrafts;

type Parsed = { input: UpdateBrandProfileInput } | { issues: z.core.$ZodIssue[] };

/** Checks a section's draft with the same schema as the server. */
function parseSection(section: Section, draft: ProfileDrafts[Section]): Parsed {
  const outcome = <T,>(
    result: z.ZodSafeParseResult<T>,
    wrap: (data: T) => UpdateBrandProfileInput,
  ) => (result.success ? { input: wrap(result.data) } : { issues: result.error.issues });
  switch (section) {
    case 'companyInfo':
      return outcome(
        companyInfoSchema.safeParse(companyInfoFrom(draft as CompanyDraft)),
        (companyInfo) => ({
          companyInfo,
        }),
      );
    case 'contactPerson':
      return outcome(
        contactPersonSchema.safeParse(contactPersonFrom(draft as ContactDraft)),
        (contactPerson) => ({ contactPerson }),
      );
    case 'preferences':
      return outcome(
        brandPreferencesSchema.safeParse(preferencesFrom(draft as PreferencesDraft)),
        (preferences) => ({ preferences }),
      );
    case 'billingInfo':
      return outcome(
        billingInfoSchema.safeParse(billingInfoFrom(draft as BillingDraft)),
        (billingInfo) => ({
          billingInfo,
        }),
      );
  }
}

/**
 * One profile section: its details (rendered by the server, passed as children) with an Edit button
 * that swaps in the section's form. Saving replaces the whole section.
 */
export function SectionEditor<S extends Section>({
  section,
  title,
  description,
  initial,
  currency,
  notice,
  save,
  children,
}: {
  section: S;
  title: string;
  description?: string;
  initial: ProfileDrafts[S];
  /** The billing currency, for budget labels. */
  currency: string;
  /** Shown above the form while editing, e.g. what a change means for verification. */
  notice?: ReactNode;
  save: (input: UpdateBrandProfileInput) => Promise<ActionResult<null>>;
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ProfileDrafts[S]>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  function start() {
    setDraft(initial);
    setErrors({});
    setFailure(undefined);
    setSaved(false);
    setEditing(true);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseSection(section, draft);
    if ('issues' in parsed) {
      setErrors(fieldErrorsOfIssues(parsed.issues));
      return;
    }
    setPending(true);
    setFailure(undefined);
    try {
      const result = await save(parsed.input);
      if (result.ok) {
        setEditing(false);
        setSaved(true);
      } else {
        setFailure(result.error.message);
        setErrors(fieldErrorsUnder(fieldErrorsOfServer(result.error.fieldErrors), section));
      }
    } finally {
      setPending(false);
    }
  }

  const fieldProps = { idPrefix: section, errors };
  return (
    <Card>
      <div className="mb-5 flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        </div>
        {editing ? null : (
          <Button
            variant="secondary"
            onClick={start}
            className="shrink-0"
            data-testid={`edit-${section}`}
          >
            Edit
          </Button>
        )}
      </div>
      {editing ? (
        <form onSubmit={(event) => void submit(event)} noValidate data-testid={`form-${section}`}>
          <div className="space-y-4">
            {notice}
            {failure ? <Alert>{failure}</Alert> : null}
            {section === 'companyInfo' ? (
              <CompanyInfoFields
                {...fieldProps}
                value={draft as ProfileDrafts['companyInfo']}
                onChange={(value) => setDraft(value as ProfileDrafts[S])}
              />
            ) : section === 'contactPerson' ? (
              <ContactPersonFields
                {...fieldProps}
                value={draft as ProfileDrafts['contactPerson']}
                onChange={(value) => setDraft(value as ProfileDrafts[S])}
              />
            ) : section === 'preferences' ? (
              <PreferencesFields
                {...fieldProps}
                currency={currency}
                value={draft as ProfileDrafts['preferences']}
                onChange={(value) => setDraft(value as ProfileDrafts[S])}
              />
            ) : (
              <BillingInfoFields
                {...fieldProps}
                value={draft as ProfileDrafts['billingInfo']}
                onChange={(value) => setDraft(value as ProfileDrafts[S])}
              />
            )}
          </div>
          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <Button
              type="button"
              variant="ghost"
              onClick={() => setEditing(false)}
              disabled={pending}
            >
              Cancel
            </Button>
            <Button type="submit" loading={pending} data-testid={`save-${section}`}>
              Save changes
            </Button>
          </div>
        </form>
      ) : (
        <>
          {saved ? (
            <div className="mb-4">
              <Alert tone="success">Saved.</Alert>
            </div>
          ) : null}
          {children}
        </>
      )}
    </Card>
  );
}
