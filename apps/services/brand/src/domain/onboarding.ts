import type { OnboardBrandInput } from '@gametriggers/contracts';
import { profileSubmittedColumns } from '@gametriggers/contracts';
import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import { brandProfileView, brandWithLatestDocuments } from './brand-view';
import type { BrandDeps } from './deps';
import { queueProfileForModeration } from './profile-moderation';
import {
  billingInfoColumns,
  companyInfoColumns,
  contactPersonColumns,
  preferencesColumns,
} from './profile-columns';

/**
 * Creates the calling brand account's profile (its id is the account's user id); its public text
 * goes to moderation in the same transaction.
 */
export async function onboardBrand(deps: BrandDeps, caller: UserCaller, input: OnboardBrandInput) {
  const now = deps.now();
  try {
    const brand = await deps.db.$transaction(async (tx) => {
      const created = await tx.brand.create({
        data: {
          id: caller.userId,
          email: caller.email,
          ...companyInfoColumns(input.companyInfo),
          ...contactPersonColumns(input.contactPerson),
          ...preferencesColumns(input.preferences),
          ...billingInfoColumns(input.billingInfo),
          ...profileSubmittedColumns(now),
          createdAt: now,
          updatedAt: now,
        },
        include: brandWithLatestDocuments,
      });
      await queueProfileForModeration(tx, created, now);
      return created;
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
