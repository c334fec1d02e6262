import type { RouterOutputs } from '@gametriggers/api';
import { Alert, Badge, Card, DetailList, ReasonConfirm } from '@gametriggers/ui';
import { kycDocumentKinds, labelOf } from '@gametriggers/contracts';
import { ActionButton } from '../action-button';
import { DocumentFiles } from './document-files';
import { rejectStreamer, verifyStreamer } from './streamer-actions';

type Review = RouterOutputs['streamer']['verification']['review'];
type KycDocument = Review['requests'][number]['documents'][number];

const kycDocumentsOf = (documents: readonly KycDocument[]) =>
  documents.map((document) => ({ ...document, url: null, kindLabel: labelOf(kycDocumentKinds, document.kind) }));

const statusBadges = {
  unverified: { label: 'Not verified', tone: 'neutral' },
  pending: { label: 'Waiting for a decision', tone: 'warning' },
  verified: { label: 'Verified', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
} as const;

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const count = (value: number) => value.toLocaleString('en-US');

/** One streamer for the reviewer: channels now, each request with the channels as they were, and the decision. */
export function StreamerReview({ review }: { review: Review }) {
  const { streamer } = review;
  const badge = statusBadges[review.status];
  return (
    <div className="max-w-4xl space-y-6" data-testid="streamer-review">
      <Card>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">{streamer.displayName}</h2>
          <Badge tone={badge.tone} data-testid="streamer-verification-status">
            {badge.label}
          </Badge>
        </div>
        <DetailList
          items={[
            { label: 'Followers (best platform)', value: count(streamer.followers) },
            { label: 'Average viewers', value: count(streamer.averageViewers) },
            { label: 'Categories', value: streamer.categories.join(', ') },
            { label: 'Language / country', value: `${streamer.language} / ${streamer.country}` },
          ]}
        />
        {review.status === 'pending' ? (
          <div className="mt-6 flex flex-wrap items-start gap-3" data-testid="streamer-decision">
            <ActionButton
              label="Verify"
              testId="verify-streamer"
              action={verifyStreamer.bind(null, streamer.streamerId)}
            />
            <ReasonConfirm
              label="Reject"
              title="Reject this verification?"
              description="The streamer sees the reason and can ask again."
              testId="reject-streamer"
              action={rejectStreamer.bind(null, streamer.streamerId)}
            />
          </div>
        ) : null}
      </Card>
      <section data-testid="kyc-documents" aria-labelledby="kyc-documents-title">
        <Card>
          <h2 id="kyc-documents-title" className="text-lg font-semibold">
            Documents
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            Optional identity documents sent with the latest request; each opens in a new tab through a link valid for five
            minutes.
          </p>
          <DocumentFiles
            documents={kycDocumentsOf(review.requests[0]?.documents ?? [])}
            empty="No documents were sent: the connected channels are the evidence."
          />
        </Card>
      </section>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Connected channels now</h2>
        {streamer.platforms.length === 0 ? (
          <Alert tone="warning">No channel is connected any more.</Alert>
        ) : (
          <ul className="space-y-2 text-sm">
            {streamer.platforms.map((channel) => (
              <li key={channel.platform}>
                <a href={channel.channelUrl} className="font-medium text-brand-700 hover:underline">
                  {channel.platform} · {channel.username}
                </a>{' '}
                — {count(channel.followers)} followers, {count(channel.averageViewers)} average
                viewers
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Requests and decisions</h2>
        <ol className="space-y-4" data-testid="streamer-verification-history">
          {review.requests.map((request) => (
            <li
              key={request.id}
              className="rounded-xl bg-slate-50 p-4 text-sm ring-1 ring-slate-200"
            >
              <p className="font-medium">
                Asked {utc(request.requestedAt)} as “{request.displayName}” —{' '}
                {request.status === 'pending'
                  ? 'waiting'
                  : `${request.status} ${request.decidedAt ? utc(request.decidedAt) : ''}`}
              </p>
              {request.note ? <p className="mt-1 text-slate-600">Note: {request.note}</p> : null}
              {request.rejectionReason ? (
                <p className="mt-1 text-slate-600">Reason: {request.rejectionReason}</p>
              ) : null}
              {request.documents.length > 0 ? (
                <div className="mt-2">
                  <DocumentFiles compact documents={kycDocumentsOf(request.documents)} />
                </div>
              ) : null}
              <p className="mt-1 text-slate-500">
                Channels then:{' '}
                {request.channels
                  .map(
                    (channel) =>
                      `${channel.platform} · ${channel.username} (${count(channel.followers)})`,
                  )
                  .join(', ')}
              </p>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
