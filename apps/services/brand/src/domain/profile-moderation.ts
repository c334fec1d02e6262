import { profileDecisionColumns } from '@gametriggers/contracts';
import type { EventEnvelope, SqlExecutor } from '@gametriggers/events';
import { recordEvent } from '@gametriggers/events';
import type { BrandTx } from '../database';
import type { Brand } from '../generated/prisma/client';
import { lockBrand } from './brand-lock';

type PublicText = Pick<Brand, 'companyName' | 'industry' | 'companyWebsite'>;

/** Whether an edit changes what others see of the brand. */
export function changesPublicText(before: PublicText, after: PublicText) {
  return (
    before.companyName !== after.companyName ||
    before.industry !== after.industry ||
    before.companyWebsite !== after.companyWebsite
  );
}

/** Sends the brand's public text, as saved at `submittedAt`, to the moderation queue. */
export function queueProfileForModeration(tx: SqlExecutor, brand: Brand, submittedAt: Date) {
  return recordEvent(tx, 'brand.profile_changed', {
    brandId: brand.id,
    profile: {
      companyName: brand.companyName,
      industry: brand.industry,
      website: brand.companyWebsite,
      submittedAt: submittedAt.toISOString(),
    },
  });
}

/**
 * A moderator decided on a brand's public text: rejected hides it from others, approved clears a
 * rejection. A decision about text the brand has since changed is ignored.
 */
export async function applyProfileDecision(
  event: EventEnvelope<'moderation.content_approved' | 'moderation.content_rejected'>,
  sqlTx: SqlExecutor,
  now: Date,
) {
  if (event.payload.kind !== 'brand_profile') return;
  const tx = sqlTx as BrandTx;
  const brand = await lockBrand(tx, event.payload.subjectId);
  const decided = brand && profileDecisionColumns(brand, event.payload, now);
  if (decided) await tx.brand.update({ where: { id: brand.id }, data: decided });
}
