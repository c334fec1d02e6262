import type { RouterOutputs } from '@gametriggers/api';
import { verificationDocumentKinds } from '@gametriggers/contracts';
import { Card, EmptyState } from '@gametriggers/ui';
import { formatUtc, shortId } from '../format';
import { BrandStatusBadge } from './brand-labels';

type VerificationHistory = RouterOutputs['brand']['verificationHistory'];
type VerificationDocument = VerificationHistory['requests'][number]['documents'][number];

const kindLabel = (kind: string) => verificationDocumentKinds.find((option) => option.id === kind)?.label ?? kind;

export function DocumentList({ documents }: { documents: readonly VerificationDocument[] }) {
  if (documents.length === 0) return <p className="text-sm text-slate-500">No documents.</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="brand-documents">
      {documents.map((document) => (
        <li key={document.url} className="flex flex-wrap gap-x-2">
          <span className="text-slate-500">{kindLabel(document.kind)}:</span>
          <a href={document.url} target="_blank" rel="noreferrer noopener" className="font-medium break-all text-brand-700 hover:underline">
            {document.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Every request the brand made, with its documents and the decision taken; identity edits after verification. */
export function BrandHistory({ history }: { history: VerificationHistory }) {
  return (
    <div className="space-y-4">
      {history.requests.length === 0 ? (
        <EmptyState title="No requests">This brand has never asked to be verified.</EmptyState>
      ) : (
        <ol className="space-y-3" data-testid="brand-history">
          {history.requests.map((request) => (
            <li key={request.id}>
              <Card className="space-y-2 p-4">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <BrandStatusBadge status={request.status} />
                  <span className="text-slate-600">Requested {formatUtc(request.requestedAt)} as “{request.companyName}”</span>
                </div>
                {request.note ? <p className="text-sm text-slate-700">Note: {request.note}</p> : null}
                <DocumentList documents={request.documents} />
                {request.decidedAt ? (
                  <p className="text-sm text-slate-600">
                    Decided {formatUtc(request.decidedAt)}
                    {request.decidedBy ? (
                      <>
                        {' '}
                        by <span className="font-mono text-xs" title={request.decidedBy}>{shortId(request.decidedBy)}</span>
                      </>
                    ) : null}
                    {request.rejectionReason ? `: ${request.rejectionReason}` : ''}
                  </p>
                ) : null}
              </Card>
            </li>
          ))}
        </ol>
      )}
      {history.identityChanges.length > 0 ? (
        <Card className="p-4">
          <h3 className="font-semibold">Edits after verification</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {history.identityChanges.map((change) => (
              <li key={`${change.field}-${change.changedAt.toISOString()}`}>
                {formatUtc(change.changedAt)} — {change.field === 'companyName' ? 'company name' : 'tax id'}: “
                {change.fromValue ?? '—'}” → “{change.toValue ?? '—'}”
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
