import type { UpdateBrandProfileInput } from '@gametriggers/contracts';
import { profileSubmittedColumns } from '@gametriggers/contracts';
import { notOnboarded } from './brand-access';
import { lockBrand } from './brand-lock';
import { brandProfileView, brandWithLatestDocuments } from './brand-view';
import type { BrandDeps } from './deps';
import { profileColumns } from './profile-columns';
import { changesPublicText, queueProfileForModeration } from './profile-moderation';
import { identityChangesOf } from './verification-rules';

export async function findBrandProfile(deps: BrandDeps, brandId: string) {
  const brand = await deps.db.brand.findUnique({
    where: { id: brandId },
    include: brandWithLatestDocuments,
  });
  return brand ? brandProfileView(brand) : null;
}

/**
 * Replaces the given sections; a verified brand's name or tax id edits are recorded (see
 * identityChangesOf), and changed public text goes to moderation again.
 */
export async function updateBrandProfile(
  deps: BrandDeps,
  brandId: string,
  input: UpdateBrandProfileInput,
) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const before = await lockBrand(tx, brandId);
    if (!before) throw notOnboarded();
    const columns = profileColumns(input);
    const changes = identityChangesOf(
      before.verificationStatus,
      { companyName: before.companyName, taxId: before.taxId },
      {
        companyName: columns.companyName ?? before.companyName,
        taxId: columns.taxId === undefined ? before.taxId : columns.taxId,
      },
    );
    if (changes.length > 0) {
      await tx.brandIdentityChange.createMany({
        data: changes.map((change) => ({ ...change, brandId, changedAt: now })),
      });
    }
    const resubmits = changesPublicText(before, { ...before, ...columns });
    const brand = await tx.brand.update({
      where: { id: brandId },
      data: { ...columns, ...(resubmits ? profileSubmittedColumns(now) : {}), updatedAt: now },
      include: brandWithLatestDocuments,
    });
    if (resubmits) await queueProfileForModeration(tx, brand, now);
    return brandProfileView(brand);
  });
}
