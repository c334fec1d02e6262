import type { RouterOutputs } from '@gametriggers/api';
import { verificationDocumentKinds } from '@gametriggers/contracts';
import { Card, EmptyState } from '@gametriggers/ui';
import { formatUtc, shortId } from '../format';
import { BrandStatusBadge } from './brand-labels';
import { DocumentFiles } from './document-files';

type VerificationHistory = RouterOutputs['brand']['verificationHistory'];
type VerificationDocument = VerificationHistory['requests'][number]['documents'][number];

const kindLabel = (kind: string) => verificationDocumentKinds.find((option) => option.id === kind)?.label ?? kind;

/** A brand's documents, opened through signed URLs (the reviewer needs `canVerifyBrands`). */
export function DocumentList({ documents, compact = false }: { documents: readonly VerificationDocument[]; compact?: boolean }) {
  return <DocumentFiles compact={compact} documents={documents.map((document) => ({ ...document, kindLabel: kindLabel(document.kind) }))} />;
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
                <DocumentList documents={request.documents} compact />
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
