import { streamerIdInput } from '@gametriggers/contracts';
import { Alert, ButtonLink, PageHeader } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { portal } from '../../../../portal';
import { StreamerReview } from '../../streamer-review';

export const dynamic = 'force-dynamic';

export default async function StreamerVerificationPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  await portal.requirePermission('canVerifyStreamers');
  const { id } = await params;
  if (!streamerIdInput.safeParse({ streamerId: id }).success) notFound();
  const review = await portal.act((api) =>
    api.streamer.verification.review.query({ streamerId: id }),
  );
  if (!review.ok && review.error.code === 'NOT_FOUND') notFound();
  return (
    <portal.Shell>
      <PageHeader
        title="Streamer verification"
        actions={
          <ButtonLink href="/verifications?tab=streamers" variant="secondary">
            Back to the queue
          </ButtonLink>
        }
      />
      {review.ok ? (
        <StreamerReview review={review.data} />
      ) : (
        <Alert title="The streamer could not be read">{review.error.message}</Alert>
      )}
    </portal.Shell>
  );
}
