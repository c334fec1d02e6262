'use client';

import { companySizes, contentCategories, countries, currencies } from '@gametriggers/contracts';
import type { ContentCategory, Country, CompanySize, Currency } from '@gametriggers/contracts';
import { CheckboxGroup, Field, Select } from '@gametriggers/ui';
import type { FieldErrors } from './field-errors';
import { errorAt } from './field-errors';
import type { BillingDraft, CompanyDraft, ContactDraft, PreferencesDraft } from './form-values';

interface SectionFieldsProps<TDraft> {
  /** Keeps ids unique when two forms are on one page. */
  idPrefix: string;
  value: TDraft;
  onChange: (next: TDraft) => void;
  /** By path within the section, e.g. `budgetRange.maxCents`. */
  errors: FieldErrors;
}

const sizeOptions = companySizes.map((size) => ({ value: size.id, label: size.label }));
const countryOptions = countries.map((country) => ({ value: country.id, label: country.label }));
const categoryOptions = contentCategories.map((category) => ({
  value: category.id,
  label: category.label,
}));
const currencyOptions = currencies.map((currency) => ({ value: currency, label: currency }));

export function CompanyInfoFields({
  idPrefix,
  value,
  onChange,
  errors,
}: SectionFieldsProps<CompanyDraft>) {
  const set = (patch: Partial<CompanyDraft>) => onChange({ ...value, ...patch });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field
          id={`${idPrefix}-company-name`}
          label="Company name"
          autoComplete="organization"
          value={value.name}
          onChange={(event) => set({ name: event.target.value })}
          error={errorAt(errors, 'name')}
        />
      </div>
      <Field
        id={`${idPrefix}-industry`}
        label="Industry"
        placeholder="e.g. Beverages, Hardware, Games"
        value={value.industry}
        onChange={(event) => set({ industry: event.target.value })}
        error={errorAt(errors, 'industry')}
      />
      <Select
        id={`${idPrefix}-size`}
        label="Company size"
        placeholder="Choose a size"
        options={sizeOptions}
        value={value.size}
        onChange={(event) => set({ size: event.target.value as CompanySize })}
        error={errorAt(errors, 'size')}
      />
      <div className="sm:col-span-2">
        <Field
          id={`${idPrefix}-website`}
          label="Website (optional)"
          type="url"
          inputMode="url"
          placeholder="https://example.com"
          autoComplete="url"
          value={value.website}
          onChange={(event) => set({ website: event.target.value })}
          error={errorAt(errors, 'website')}
        />
      </div>
    </div>
  );
}

export function ContactPersonFields({
  idPrefix,
  value,
  onChange,
  errors,
}: SectionFieldsProps<ContactDraft>) {
  const set = (patch: Partial<ContactDraft>) => onChange({ ...value, ...patch });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        id={`${idPrefix}-contact-name`}
        label="Contact name"
        autoComplete="name"
        value={value.name}
        onChange={(event) => set({ name: event.target.value })}
        error={errorAt(errors, 'name')}
      />
      <Field
        id={`${idPrefix}-position`}
        label="Position"
        placeholder="e.g. Head of Marketing"
        autoComplete="organization-title"
        value={value.position}
        onChange={(event) => set({ position: event.target.value })}
        error={errorAt(errors, 'position')}
      />
      <Field
        id={`${idPrefix}-phone`}
        label="Phone (optional)"
        type="tel"
        autoComplete="tel"
        placeholder="+1 555 010 0200"
        value={value.phone}
        onChange={(event) => set({ phone: event.target.value })}
        error={errorAt(errors, 'phone')}
      />
    </div>
  );
}

export function PreferencesFields({
  idPrefix,
  value,
  onChange,
  errors,
  currency,
}: SectionFieldsProps<PreferencesDraft> & { currency: string }) {
  const set = (patch: Partial<PreferencesDraft>) => onChange({ ...value, ...patch });
  return (
    <div className="space-y-6">
      <Field
        id={`${idPrefix}-audience`}
        label="Target audience (optional)"
        placeholder="e.g. gamers 18-34, esports fans"
        hint="Tags separated by commas, up to 20."
        value={value.targetAudience}
        onChange={(event) => set({ targetAudience: event.target.value })}
        error={errorAt(errors, 'targetAudience')}
      />
      <CheckboxGroup
        name={`${idPrefix}-categories`}
        legend="Content categories"
        hint="The kinds of streams your campaigns fit."
        options={categoryOptions}
        value={value.contentCategories}
        onChange={(next) => set({ contentCategories: next as ContentCategory[] })}
        error={errorAt(errors, 'contentCategories')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${idPrefix}-budget-min`}
          label={`Budget per campaign, from (${currency})`}
          inputMode="decimal"
          placeholder="1000"
          value={value.budgetMin}
          onChange={(event) => set({ budgetMin: event.target.value })}
          error={errorAt(errors, 'budgetRange.minCents')}
        />
        <Field
          id={`${idPrefix}-budget-max`}
          label={`Budget per campaign, up to (${currency})`}
          inputMode="decimal"
          placeholder="25000"
          value={value.budgetMax}
          onChange={(event) => set({ budgetMax: event.target.value })}
          error={errorAt(errors, 'budgetRange.maxCents') ?? errors.budgetRange}
        />
      </div>
      <CheckboxGroup
        name={`${idPrefix}-regions`}
        legend="Regions"
        hint="Countries whose viewers you want to reach."
        options={countryOptions}
        value={value.regions}
        onChange={(next) => set({ regions: next as Country[] })}
        error={errorAt(errors, 'regions')}
      />
    </div>
  );
}

export function BillingInfoFields({
  idPrefix,
  value,
  onChange,
  errors,
}: SectionFieldsProps<BillingDraft>) {
  const set = (patch: Partial<BillingDraft>) => onChange({ ...value, ...patch });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field
          id={`${idPrefix}-line1`}
          label="Street address"
          autoComplete="address-line1"
          value={value.line1}
          onChange={(event) => set({ line1: event.target.value })}
          error={errorAt(errors, 'address.line1')}
        />
      </div>
      <div className="sm:col-span-2">
        <Field
          id={`${idPrefix}-line2`}
          label="Address line 2 (optional)"
          autoComplete="address-line2"
          value={value.line2}
          onChange={(event) => set({ line2: event.target.value })}
          error={errorAt(errors, 'address.line2')}
        />
      </div>
      <Field
        id={`${idPrefix}-city`}
        label="City"
        autoComplete="address-level2"
        value={value.city}
        onChange={(event) => set({ city: event.target.value })}
        error={errorAt(errors, 'address.city')}
      />
      <Field
        id={`${idPrefix}-region`}
        label="State or region (optional)"
        autoComplete="address-level1"
        value={value.region}
        onChange={(event) => set({ region: event.target.value })}
        error={errorAt(errors, 'address.region')}
      />
      <Field
        id={`${idPrefix}-postal-code`}
        label="Postal code"
        autoComplete="postal-code"
        value={value.postalCode}
        onChange={(event) => set({ postalCode: event.target.value })}
        error={errorAt(errors, 'address.postalCode')}
      />
      <Select
        id={`${idPrefix}-country`}
        label="Country"
        placeholder="Choose a country"
        options={countryOptions}
        value={value.country}
        onChange={(event) => set({ country: event.target.value as Country })}
        error={errorAt(errors, 'address.country')}
      />
      <Field
        id={`${idPrefix}-tax-id`}
        label="Tax id (optional)"
        placeholder="e.g. VAT or EIN number"
        value={value.taxId}
        onChange={(event) => set({ taxId: event.target.value })}
        error={errorAt(errors, 'taxId')}
      />
      <Select
        id={`${idPrefix}-currency`}
        label="Billing currency"
        options={currencyOptions}
        value={value.currency}
        onChange={(event) => set({ currency: event.target.value as Currency })}
        error={errorAt(errors, 'currency')}
      />
    </div>
  );
}
