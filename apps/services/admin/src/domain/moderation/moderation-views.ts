import type { ContentReport, ModerationItem } from '../../generated/prisma/client';
import {
  brandProfileContentSchema,
  creativeAssetContentSchema,
  creativeContentSchema,
  streamerProfileContentSchema,
} from '../../moderation-schemas';

/** An item's kind with its content read back in that kind's shape. */
function kindAndContent(item: ModerationItem) {
  switch (item.kind) {
    case 'campaign_creative':
      return { kind: item.kind, content: creativeContentSchema.parse(item.content) };
    case 'creative_asset':
      return { kind: item.kind, content: creativeAssetContentSchema.parse(item.content) };
    case 'brand_profile':
      return { kind: item.kind, content: brandProfileContentSchema.parse(item.content) };
    case 'streamer_profile':
      return { kind: item.kind, content: streamerProfileContentSchema.parse(item.content) };
  }
}

export function moderationItemView(item: ModerationItem) {
  return {
    id: item.id,
    ...kindAndContent(item),
    subjectId: item.subjectId,
    ownerId: item.ownerId,
    title: item.title,
    contentSubmittedAt: item.contentSubmittedAt,
    status: item.status,
    reportCount: item.reportCount,
    lastReportedAt: item.lastReportedAt,
    decidedAt: item.decidedAt,
    decidedBy: item.decidedBy,
    decisionReason: item.decisionReason,
    createdAt: item.createdAt,
  };
}

export function contentReportView(report: ContentReport) {
  return {
    id: report.id,
    reporterId: report.reporterId,
    reason: report.reason,
    details: report.details,
    reportedAt: report.reportedAt,
  };
}
