import type { RouterOutputs } from '@gametriggers/api';
import type {
  BillingInfo,
  BrandPreferences,
  CompanyInfo,
  CompanySize,
  ContactPerson,
  ContentCategory,
  Country,
  Currency,
} from '@gametriggers/contracts';

/** The brand's profile as the API returns it. */
export type BrandProfile = NonNullable<RouterOutputs['brand']['me']>;

// Forms hold what people type (strings); these turn it into the contract's input shapes, which the
// same zod schemas as the server then check.

export interface CompanyDraft {
  name: string;
  industry: string;
  size: CompanySize | '';
  website: string;
}

export interface ContactDraft {
  name: string;
  position: string;
  phone: string;
}

export interface PreferencesDraft {
  /** Comma-separated tags. */
  targetAudience: string;
  contentCategories: ContentCategory[];
  /** Whole currency units, e.g. "1500" or "1500.50". */
  budgetMin: string;
  budgetMax: string;
  regions: Country[];
}

export interface BillingDraft {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: Country | '';
  taxId: string;
  currency: Currency | '';
}

export interface ProfileDrafts {
  companyInfo: CompanyDraft;
  contactPerson: ContactDraft;
  preferences: PreferencesDraft;
  billingInfo: BillingDraft;
}

export const emptyDrafts: ProfileDrafts = {
  companyInfo: { name: '', industry: '', size: '', website: '' },
  contactPerson: { name: '', position: '', phone: '' },
  preferences: {
    targetAudience: '',
    contentCategories: [],
    budgetMin: '',
    budgetMax: '',
    regions: [],
  },
  billingInfo: {
    line1: '',
    line2: '',
    city: '',
    region: '',
    postalCode: '',
    country: '',
    taxId: '',
    currency: 'USD',
  },
};

const optional = (value: string) => value.trim() || undefined;

/** "12.50" → 1250; blank or not a number → NaN, which the schema reports as "Enter an amount". */
export function centsFromAmount(amount: string): number {
  const trimmed = amount.trim().replaceAll(',', '');
  if (trimmed === '') return Number.NaN;
  return Math.round(Number(trimmed) * 100);
}

export const amountFromCents = (cents: number) =>
  cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);

// The casts hand unvalidated values to the schema, which reports anything wrong field by field.

export const companyInfoFrom = (draft: CompanyDraft) =>
  ({
    name: draft.name,
    industry: draft.industry,
    size: draft.size,
    website: optional(draft.website),
  }) as CompanyInfo;

export const contactPersonFrom = (draft: ContactDraft): ContactPerson => ({
  name: draft.name,
  position: draft.position,
  phone: optional(draft.phone),
});

export const preferencesFrom = (draft: PreferencesDraft): BrandPreferences => ({
  targetAudience: draft.targetAudience
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean),
  contentCategories: draft.contentCategories,
  budgetRange: {
    minCents: centsFromAmount(draft.budgetMin),
    maxCents: centsFromAmount(draft.budgetMax),
  },
  regions: draft.regions,
});

export const billingInfoFrom = (draft: BillingDraft) =>
  ({
    address: {
      line1: draft.line1,
      line2: optional(draft.line2),
      city: draft.city,
      region: optional(draft.region),
      postalCode: draft.postalCode,
      country: draft.country,
    },
    taxId: optional(draft.taxId),
    currency: draft.currency,
  }) as BillingInfo;

export function draftsFromProfile(profile: BrandProfile): ProfileDrafts {
  const { companyInfo, contactPerson, preferences, billingInfo } = profile;
  return {
    companyInfo: {
      name: companyInfo.name,
      industry: companyInfo.industry,
      size: companyInfo.size,
      website: companyInfo.website ?? '',
    },
    contactPerson: {
      name: contactPerson.name,
      position: contactPerson.position,
      phone: contactPerson.phone ?? '',
    },
    preferences: {
      targetAudience: preferences.targetAudience.join(', '),
      contentCategories: preferences.contentCategories,
      budgetMin: amountFromCents(preferences.budgetRange.minCents),
      budgetMax: amountFromCents(preferences.budgetRange.maxCents),
      regions: preferences.regions,
    },
    billingInfo: {
      line1: billingInfo.address.line1,
      line2: billingInfo.address.line2 ?? '',
      city: billingInfo.address.city,
      region: billingInfo.address.region ?? '',
      postalCode: billingInfo.address.postalCode,
      country: billingInfo.address.country,
      taxId: billingInfo.taxId ?? '',
      currency: billingInfo.currency,
    },
  };
}
