import { z } from 'zod';
import {
  DISTINCT_DOCUMENTS_MESSAGE,
  distinctDocumentAssets,
  documentAssetIdSchema,
} from './documents';
import { brandVerificationStatusSchema } from './internal';
import { pageInputSchema } from './pagination';
import {
  centsSchema,
  httpsUrlSchema,
  idSchema,
  lineTextSchema,
  paragraphTextSchema,
  searchTextSchema,
} from './primitives';
import { contentCategorySchema, countrySchema, currencySchema } from './vocabulary';

/** Input schemas of the brand service, shared with the brand portal's forms. */

export const companySizes = [
  { id: 'startup', label: 'Startup (1–10 people)' },
  { id: 'small', label: 'Small (11–50 people)' },
  { id: 'medium', label: 'Medium (51–500 people)' },
  { id: 'enterprise', label: 'Enterprise (500+ people)' },
] as const;
export type CompanySize = (typeof companySizes)[number]['id'];
export const companySizeSchema = z.enum(
  companySizes.map((size) => size.id) as [CompanySize, ...CompanySize[]],
  { error: 'Choose your company size' },
);

export const verificationDocumentKinds = [
  { id: 'registration', label: 'Company registration' },
  { id: 'tax', label: 'Tax document' },
  { id: 'identity', label: 'Identity document' },
  { id: 'other', label: 'Other' },
] as const;
export type VerificationDocumentKind = (typeof verificationDocumentKinds)[number]['id'];
export const verificationDocumentKindSchema = z.enum(
  verificationDocumentKinds.map((kind) => kind.id) as [
    VerificationDocumentKind,
    ...VerificationDocumentKind[],
  ],
  { error: 'Choose what kind of document this is' },
);

const text = (what: string, max: number) => lineTextSchema({ what, max, min: 1 });
const optionalText = (what: string, max: number) => lineTextSchema({ what, max }).optional();

const uniqueItems = <T>(items: T[]) => new Set(items).size === items.length;

export const companyInfoSchema = z.object({
  name: text('your company name', 120),
  industry: text('your industry', 80),
  size: companySizeSchema,
  website: httpsUrlSchema({ what: 'the website', max: 300, allowHttp: true }).optional(),
});
export type CompanyInfo = z.infer<typeof companyInfoSchema>;

export const contactPersonSchema = z.object({
  name: text('the contact name', 120),
  position: text('their position', 80),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{6,30}$/, 'Enter a phone number of digits, spaces and + ( ) - only')
    .optional(),
});
export type ContactPerson = z.infer<typeof contactPersonSchema>;

export const MAX_BUDGET_CENTS = 1_000_000_000;

export const budgetRangeSchema = z
  .object({
    minCents: centsSchema.max(
      MAX_BUDGET_CENTS,
      'Budgets above $10,000,000 need a conversation with us',
    ),
    maxCents: centsSchema.max(
      MAX_BUDGET_CENTS,
      'Budgets above $10,000,000 need a conversation with us',
    ),
  })
  .refine((range) => range.minCents <= range.maxCents, {
    path: ['maxCents'],
    error: 'The maximum budget cannot be below the minimum',
  });
export type BudgetRange = z.infer<typeof budgetRangeSchema>;

export const brandPreferencesSchema = z.object({
  targetAudience: z
    .array(text('an audience tag', 40), { error: 'List your target audience' })
    .max(20, 'Use at most 20 audience tags')
    .refine(uniqueItems, 'Each audience tag only once'),
  contentCategories: z
    .array(contentCategorySchema)
    .min(1, 'Choose at least one content category')
    .refine(uniqueItems, 'Each category only once'),
  budgetRange: budgetRangeSchema,
  regions: z
    .array(countrySchema)
    .min(1, 'Choose at least one region')
    .refine(uniqueItems, 'Each region only once'),
});
export type BrandPreferences = z.infer<typeof brandPreferencesSchema>;

export const billingAddressSchema = z.object({
  line1: text('the street address', 200),
  line2: optionalText('the second address line', 200),
  city: text('the city', 100),
  region: optionalText('the state or region', 100),
  postalCode: text('the postal code', 20),
  country: countrySchema,
});
export type BillingAddress = z.infer<typeof billingAddressSchema>;

export const billingInfoSchema = z.object({
  address: billingAddressSchema,
  taxId: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9 ./-]{2,40}$/,
      'Enter the tax id as letters, digits, spaces and . / - (2–40 characters)',
    )
    .optional(),
  currency: currencySchema,
});
export type BillingInfo = z.infer<typeof billingInfoSchema>;

/** `brand.onboard`: every section at once (the portal's wizard collects them step by step). */
export const onboardBrandInputSchema = z.object({
  companyInfo: companyInfoSchema,
  contactPerson: contactPersonSchema,
  preferences: brandPreferencesSchema,
  billingInfo: billingInfoSchema,
});
export type OnboardBrandInput = z.infer<typeof onboardBrandInputSchema>;

/** `brand.updateProfile`: each given section replaces the stored one wholly (an omitted optional field is cleared). */
export const updateBrandProfileInputSchema = onboardBrandInputSchema
  .partial()
  .refine((input) => Object.values(input).some((section) => section !== undefined), {
    error: 'Change at least one section of the profile',
  });
export type UpdateBrandProfileInput = z.infer<typeof updateBrandProfileInputSchema>;
export type BrandProfileSection = keyof OnboardBrandInput;

/** One document of a verification request: what it is, and the brand's own upload (`verificationDocument`, checked and ready). */
export const verificationDocumentSchema = z.object({
  kind: verificationDocumentKindSchema,
  assetId: documentAssetIdSchema,
});
export type VerificationDocument = z.infer<typeof verificationDocumentSchema>;

export const MAX_VERIFICATION_DOCUMENTS = 10;

export const requestVerificationInputSchema = z.object({
  documents: z
    .array(verificationDocumentSchema, {
      error: 'Add the documents that prove your company exists',
    })
    .min(1, 'Add at least one document')
    .max(MAX_VERIFICATION_DOCUMENTS, `Add at most ${MAX_VERIFICATION_DOCUMENTS} documents`)
    .refine(distinctDocumentAssets, DISTINCT_DOCUMENTS_MESSAGE),
  note: paragraphTextSchema({ what: 'the note', max: 1000 }).optional(),
});
export type RequestVerificationInput = z.infer<typeof requestVerificationInputSchema>;

export const brandIdInputSchema = z.object({ brandId: idSchema('brand') });

/** Approving a brand; the admin's note (what they checked) is kept in the audit log. */
export const verifyBrandInputSchema = brandIdInputSchema.extend({
  note: paragraphTextSchema({ what: 'the note', min: 3, max: 1000 }).optional(),
});
export type VerifyBrandInput = z.infer<typeof verifyBrandInputSchema>;

export const rejectBrandInputSchema = brandIdInputSchema.extend({
  reason: paragraphTextSchema({
    what: 'the reason',
    min: 5,
    max: 1000,
    required: 'Say why the verification is rejected',
    tooShort: 'Say why in at least 5 characters, so the brand knows what to fix',
  }),
});
export type RejectBrandInput = z.infer<typeof rejectBrandInputSchema>;

export const listBrandsInputSchema = pageInputSchema.extend({
  status: brandVerificationStatusSchema.optional(),
  search: searchTextSchema(120),
});
export type ListBrandsInput = z.input<typeof listBrandsInputSchema>;
