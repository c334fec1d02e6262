import type { NotificationCategory } from '@gametriggers/contracts';
import type { LegacyDocument } from '../extended-json';
import type { KycImport, Mapped, NotificationImport } from '../import-commands';
import { mapped, refused } from '../import-commands';
import { legacyBoolean, legacyDate, legacyId, legacyText } from '../legacy-fields';

const kycStateByLegacy: Record<string, KycImport['state']> = {
  not_started: 'not_started',
  pending: 'pending',
  under_review: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  expired: 'expired',
};

/** The KYC decision only: documents and bank details are asked for again (they were kept in clear). */
export function mapKyc(document: LegacyDocument): Mapped<KycImport> {
  const id = legacyId(document._id);
  if (!id) return refused('missing_id');
  const legacyUserId = legacyId(document.userId);
  if (!legacyUserId) return refused('missing_user');
  const legacyState = legacyText(document.status)?.toLowerCase() ?? 'not_started';
  const state = kycStateByLegacy[legacyState];
  if (!state) return refused(`unknown_status:${legacyState}`);
  return mapped({
    legacyId: id,
    legacyUserId,
    state,
    decidedAt:
      state === 'approved'
        ? (legacyDate(document.approvedAt) ?? legacyDate(document.reviewedAt) ?? null)
        : state === 'rejected'
          ? (legacyDate(document.rejectedAt) ?? legacyDate(document.reviewedAt) ?? null)
          : null,
    rejectionReason: state === 'rejected' ? (legacyText(document.adminNotes) ?? null) : null,
  });
}

const notificationCategoryByLegacy: Record<string, NotificationCategory> = {
  campaign: 'campaign_status',
  earnings: 'money',
  withdrawal: 'money',
  payment: 'money',
  dispute: 'money',
  kyc: 'verification',
  system: 'security',
};

export function mapNotification(document: LegacyDocument, now: Date): Mapped<NotificationImport> {
  const id = legacyId(document._id);
  if (!id) return refused('missing_id');
  const legacyUserId = legacyId(document.userId);
  if (!legacyUserId) return refused('missing_user');
  const title = legacyText(document.title);
  const body = legacyText(document.message);
  if (!title || !body) return refused('missing_text');
  const expiresAt = legacyDate(document.expiresAt);
  if (expiresAt && expiresAt <= now) return refused('expired');
  const legacyType = legacyText(document.type)?.toLowerCase() ?? 'system';
  const category = notificationCategoryByLegacy[legacyType];
  if (!category) return refused(`unknown_type:${legacyType}`);
  const createdAt = legacyDate(document.createdAt);
  if (!createdAt) return refused('missing_date');
  return mapped({
    legacyId: id,
    legacyUserId,
    category,
    title: title.slice(0, 100),
    body: body.slice(0, 500),
    read: legacyBoolean(document.isRead) ?? legacyDate(document.readAt) !== undefined,
    createdAt,
  });
}
