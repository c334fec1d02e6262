import type { ContentReport, ModerationItem } from '../../generated/prisma/client';
import { creativeContentSchema } from '../../moderation-schemas';

export function moderationItemView(item: ModerationItem) {
  return {
    id: item.id,
    kind: item.kind,
    subjectId: item.subjectId,
    ownerId: item.ownerId,
    title: item.title,
    content: creativeContentSchema.parse(item.content),
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
