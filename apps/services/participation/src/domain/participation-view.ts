import { randomBytes } from 'node:crypto';
import type { Participation } from '../generated/prisma/client';

/**
 * What callers see of a participation (the deciding person's id stays inside). The click code is
 * the streamer's to share: only they see it (`viewerId` is the caller's user id).
 */
export function participationView(row: Participation, viewerId: string | null) {
  return {
    id: row.id,
    campaignId: row.campaignId,
    brandId: row.brandId,
    streamerId: row.streamerId,
    clickCode: viewerId === row.streamerId ? row.clickCode : null,
    status: row.status,
    joinMode: row.joinMode,
    gkeyCategory: row.gkeyCategory,
    campaignTitle: row.campaignTitle,
    campaignCategories: row.campaignCategories,
    gkeyCooloffHours: row.gkeyCooloffHours,
    streamer: {
      displayName: row.streamerDisplayName,
      followers: row.streamerFollowers,
      averageViewers: row.streamerAverageViewers,
    },
    applicationMessage: row.applicationMessage,
    rejectionReason: row.rejectionReason,
    removal: row.removalReason
      ? {
          reason: row.removalReason,
          note: row.removalNote ?? '',
          forfeitEarnings: row.forfeitEarnings ?? false,
        }
      : null,
    appliedAt: row.appliedAt,
    joinedAt: row.joinedAt,
    pausedAt: row.pausedAt,
    endedAt: row.endedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type ParticipationView = ReturnType<typeof participationView>;

export const participationRef = (
  row: Pick<Participation, 'id' | 'campaignId' | 'brandId' | 'streamerId' | 'clickCode'>,
) => ({
  participationId: row.id,
  campaignId: row.campaignId,
  brandId: row.brandId,
  streamerId: row.streamerId,
  clickCode: row.clickCode,
});

/** 12 random bytes as base64url: 16 URL-safe characters, 96 bits (unguessable, never reused). */
export function newClickCode() {
  return randomBytes(12).toString('base64url');
}
