import type { OnboardBrandInput } from '@gametriggers/contracts';
import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import { brandProfileView, brandWithLatestDocuments } from './brand-view';
import type { BrandDeps } from './deps';
import {
  billingInfoColumns,
  companyInfoColumns,
  contactPersonColumns,
  preferencesColumns,
} from './profile-columns';

/** Creates the calling brand account's profile; its id is the account's user id. */
export async function onboardBrand(deps: BrandDeps, caller: UserCaller, input: OnboardBrandInput) {
  const now = deps.now();
  try {
    const brand = await deps.db.brand.create({
      data: {
        id: caller.userId,
        email: caller.email,
        ...companyInfoColumns(input.companyInfo),
        ...contactPersonColumns(input.contactPerson),
        ...preferencesColumns(input.preferences),
        ...billingInfoColumns(input.billingInfo),
        createdAt: now,
        updatedAt: now,
      },
      include: brandWithLatestDocuments,
    });
    return brandProfileView(brand);
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new DomainError(
        'conflict',
        'already_onboarded',
        'Your company profile already exists. Edit it on your profile page instead.',
      );
    }
    throw error;
  }
}
