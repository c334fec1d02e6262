import type { LegacyDocument } from '../extended-json';
import type {
  CampaignImport,
  ImportedCampaignStatus,
  ImportedParticipationStatus,
  Mapped,
  ParticipationImport,
} from '../import-commands';
import { mapped, refused } from '../import-commands';
import { legacyDate, legacyId, legacyNumber, legacyText, legacyWordList } from '../legacy-fields';
import { amountInMillionths, millionthsToCents } from '../money';
import { platformCategories, platformLanguages } from './vocabulary';

/** The monolith's campaign states onto the platform's status machine (same meaning, `pending` renamed). */
const campaignStatusByLegacy: Record<string, ImportedCampaignStatus> = {
  draft: 'draft',
  pending: 'pending_review',
  pending_review: 'pending_review',
  active: 'active',
  paused: 'paused',
  completed: 'completed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  rejected: 'rejected',
};

function cents(value: unknown): bigint | undefined {
  const millionths = amountInMillionths(value);
  return millionths === undefined ? undefined : millionthsToCents(millionths);
}

export function mapCampaign(document: LegacyDocument): Mapped<CampaignImport> {
  const id = legacyId(document._id);
  if (!id) return refused('missing_id');
  const legacyBrandId = legacyId(document.brandId);
  if (!legacyBrandId) return refused('missing_brand');
  const title = legacyText(document.title);
  if (!title) return refused('missing_title');
  const legacyStatus = legacyText(document.status)?.toLowerCase() ?? 'draft';
  const status = campaignStatusByLegacy[legacyStatus];
  if (!status) return refused(`unknown_status:${legacyStatus}`);
  const budgetCents = cents(document.budget);
  if (budgetCents === undefined || budgetCents < 0n) return refused('invalid_budget');
  const rateCents = cents(document.paymentRate);
  if (rateCents === undefined || rateCents <= 0n) return refused('invalid_payment_rate');
  const remaining = cents(document.remainingBudget);
  const paymentType = legacyText(document.paymentType)?.toLowerCase();
  const mediaUrl = legacyText(document.mediaUrl);
  const mediaType = legacyText(document.mediaType)?.toLowerCase();
  return mapped({
    legacyId: id,
    legacyBrandId,
    title: title.slice(0, 120),
    description: legacyText(document.description) ?? null,
    status,
    budgetCents,
    // A remaining budget above the budget (seen in old documents after refunds) is capped.
    remainingBudgetCents:
      remaining === undefined || remaining < 0n
        ? budgetCents
        : remaining > budgetCents
          ? budgetCents
          : remaining,
    pricing: { model: paymentType === 'fixed' ? 'fixed' : 'cpm', rateCents },
    categories: platformCategories(legacyWordList(document.categories)),
    languages: platformLanguages(legacyWordList(document.languages)),
    startsAt: legacyDate(document.startDate) ?? null,
    endsAt: legacyDate(document.endDate) ?? null,
    creative: mediaUrl ? { url: mediaUrl, type: mediaType === 'video' ? 'video' : 'image' } : null,
    rejectionReason: legacyText(document.rejectionReason) ?? null,
  });
}

const participationStatusByLegacy: Record<string, ImportedParticipationStatus> = {
  active: 'active',
  paused: 'paused',
  participation_paused: 'paused',
  completed: 'completed',
  left_early: 'left_early',
  removed: 'removed',
  rejected: 'rejected',
};
const removalReasons = new Set(['violation', 'fraud', 'admin_decision', 'brand_decision']);

export function mapParticipation(document: LegacyDocument): Mapped<ParticipationImport> {
  const id = legacyId(document._id);
  if (!id) return refused('missing_id');
  const legacyCampaignId = legacyId(document.campaignId);
  if (!legacyCampaignId) return refused('missing_campaign');
  const legacyStreamerId = legacyId(document.streamerId);
  if (!legacyStreamerId) return refused('missing_streamer');
  const legacyStatus = legacyText(document.status)?.toLowerCase() ?? 'active';
  const status = participationStatusByLegacy[legacyStatus];
  if (!status) return refused(`unknown_status:${legacyStatus}`);
  const joinedAt = legacyDate(document.joinedAt) ?? legacyDate(document.createdAt);
  if (!joinedAt) return refused('missing_join_date');
  const reason = legacyText(document.removalReason);
  const count = (value: unknown) => Math.max(0, Math.floor(legacyNumber(value) ?? 0));
  return mapped({
    legacyId: id,
    legacyCampaignId,
    legacyStreamerId,
    status,
    removalReason:
      status === 'removed'
        ? reason && removalReasons.has(reason)
          ? (reason as ParticipationImport['removalReason'])
          : 'admin_decision'
        : null,
    joinedAt,
    impressions: count(document.impressions),
    clicks: count(document.clicks),
  });
}
