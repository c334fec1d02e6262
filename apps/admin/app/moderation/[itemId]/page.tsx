import { moderationItemIdInputSchema } from '@gametriggers/contracts';
import { Alert, Badge, ButtonLink, Card, EmptyState, PageHeader, ReasonConfirm } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { NamedId } from '../../../components/names/named-id';
import { portal } from '../../../portal';
import { approveItem, rejectItem } from '../actions';
import { ApproveButton } from '../approve-button';
import { ModeratedContent } from '../moderated-content';
import { ownerNamesFor } from '../moderation-owners';
import {
  formatInstant,
  kindLabels,
  rejectionConsequences,
  reportReasonLabels,
  statusLabels,
  statusTones,
} from '../moderation-labels';

export const dynamic = 'force-dynamic';

export default async function ModerationItemPage({ params }: { params: Promise<{ itemId: string }> }) {
  await portal.requirePermission('canModerateContent');
  const parsed = moderationItemIdInputSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { itemId } = parsed.data;
  const result = await portal.act((api) => api.admin.moderation.get.query({ itemId }));
  if (!result.ok && result.error.code === 'NOT_FOUND') notFound();
  const ownerName = result.ok ? (await ownerNamesFor(await portal.sessionApi(), [result.data]))(result.data) : undefined;

  return (
    <portal.Shell>
      {!result.ok ? (
        <Alert title="This item could not be loaded">{result.error.message}</Alert>
      ) : (
        <>
          <PageHeader
            title={result.data.title}
            description={`${kindLabels[result.data.kind]}${ownerName ? ` by ${ownerName}` : ''} · submitted ${formatInstant(result.data.contentSubmittedAt)}`}
            actions={
              <ButtonLink href="/moderation" variant="secondary">
                Back to the queue
              </ButtonLink>
            }
          />
          <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <ModeratedContent
              item={result.data}
              owner={<NamedId name={ownerName} id={result.data.ownerId} showId testId="moderation-owner" />}
            />
            <div className="space-y-6">
              <Card>
                <div className="flex items-center justify-between gap-3">
                  <h2 className="text-lg font-semibold text-slate-900">Decision</h2>
                  <Badge tone={statusTones[result.data.status]} data-testid="moderation-status">
                    {statusLabels[result.data.status]}
                  </Badge>
                </div>
                {result.data.status === 'pending' ? (
                  <div className="mt-4 flex flex-col gap-3 sm:flex-row">
                    <ApproveButton action={approveItem.bind(null, itemId)} />
                    <ReasonConfirm
                      label="Reject"
                      title={rejectionConsequences[result.data.kind].title}
                      description={rejectionConsequences[result.data.kind].description}
                      action={rejectItem.bind(null, itemId)}
                      testId="moderation-reject"
                    />
                  </div>
                ) : result.data.status === 'withdrawn' ? (
                  <p className="mt-4 text-sm text-slate-600" data-testid="moderation-decision">
                    Withdrawn: its owner deleted it before a decision, so there is nothing left to decide.
                  </p>
                ) : (
                  <p className="mt-4 text-sm text-slate-600" data-testid="moderation-decision">
                    {statusLabels[result.data.status]}
                    {result.data.decidedAt ? ` on ${formatInstant(result.data.decidedAt)}` : ''}
                    {result.data.decisionReason ? `: ${result.data.decisionReason}` : '.'}
                  </p>
                )}
              </Card>
              <Card>
                <h2 className="text-lg font-semibold text-slate-900">
                  Reports <span className="text-slate-500">({result.data.reportCount})</span>
                </h2>
                {result.data.reports.length === 0 ? (
                  <EmptyState title="No reports">No streamer has reported this content.</EmptyState>
                ) : (
                  <ul className="mt-4 divide-y divide-slate-100" data-testid="moderation-reports">
                    {result.data.reports.map((report) => (
                      <li key={report.id} className="py-3 text-sm" data-testid="moderation-report">
                        <div className="flex flex-wrap items-center gap-2">
                          <Badge tone="danger">{reportReasonLabels[report.reason]}</Badge>
                          <span className="text-slate-500">{formatInstant(report.reportedAt)}</span>
                        </div>
                        {report.details ? <p className="mt-1 whitespace-pre-line text-slate-700">{report.details}</p> : null}
                        <p className="mt-1 text-xs text-slate-500">Streamer {report.reporterId}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </div>
          </div>
        </>
      )}
    </portal.Shell>
  );
}
