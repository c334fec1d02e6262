import { labelOf, verificationDocumentKinds } from '@gametriggers/contracts';
import type { RouterOutputs } from '@gametriggers/api';
import { Badge } from '@gametriggers/ui';

type History = RouterOutputs['brand']['verificationHistory'];

const dateTime = (date: Date) =>
  date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

const outcome = {
  pending: <Badge tone="warning">In review</Badge>,
  verified: <Badge tone="success">Verified</Badge>,
  rejected: <Badge tone="danger">Rejected</Badge>,
};

/** Every request the brand sent, newest first, with what it sent and how it was decided. */
export function VerificationHistory({ history }: { history: History }) {
  if (history.requests.length === 0) {
    return (
      <p className="text-sm text-slate-500" data-testid="verification-history-empty">
        No requests yet. Your requests and their decisions will be listed here.
      </p>
    );
  }
  return (
    <ol className="space-y-4" data-testid="verification-history">
      {history.requests.map((request) => (
        <li
          key={request.id}
          data-testid="verification-history-item"
          className="rounded-xl p-4 ring-1 ring-slate-200"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-medium text-slate-900">
              Sent {dateTime(request.requestedAt)}
            </p>
            {outcome[request.status]}
          </div>
          {request.decidedAt ? (
            <p className="mt-1 text-sm text-slate-600">Decided {dateTime(request.decidedAt)}</p>
          ) : null}
          {request.rejectionReason ? (
            <p className="mt-2 text-sm text-red-700">Reason: {request.rejectionReason}</p>
          ) : null}
          {request.note ? (
            <p className="mt-2 text-sm text-slate-600">Your note: {request.note}</p>
          ) : null}
          <ul className="mt-3 space-y-1 text-sm">
            {request.documents.map((document, index) => (
              <li key={index} className="flex flex-wrap gap-2">
                <span className="text-slate-500">
                  {labelOf(verificationDocumentKinds, document.kind)}:
                </span>
                {/* Your own upload opens through a fresh signed link; requests from before uploads kept a link. */}
                <a
                  href={document.assetId ? `/files/${document.assetId}` : (document.url ?? undefined)}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="break-all text-brand-700 hover:underline"
                  data-testid="own-document"
                >
                  {document.name}
                </a>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
