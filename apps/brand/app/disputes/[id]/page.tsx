import { orNotFound } from '@gametriggers/auth/portal';
import { participationDisputeIdInputSchema } from '@gametriggers/contracts';
import { DisputeDetails, DisputeResponseCard, PageHeader } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { portal } from '../../../portal';
import { respondToDispute } from '../actions';

export const dynamic = 'force-dynamic';

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const input = participationDisputeIdInputSchema.safeParse({ disputeId: (await params).id });
  if (!input.success) notFound();
  const api = await portal.sessionApi();
  const dispute = await orNotFound(api.payment.disputes.brand.get.query(input.data));
  const awaitsYourSide =
    dispute.status === 'open' && dispute.openedBy === 'streamer' && dispute.responseText === null;
  return (
    <portal.Shell>
      <p className="mb-2 text-sm">
        <a href={`/campaigns/${dispute.campaignId}`} className="text-brand-700 hover:underline">
          ← The campaign
        </a>
      </p>
      <PageHeader
        title="Dispute"
        description="Our team reads both sides and decides where the held earnings go."
      />
      <div className="space-y-6">
        {awaitsYourSide ? (
          <DisputeResponseCard disputeId={dispute.id} submit={respondToDispute} />
        ) : null}
        <DisputeDetails dispute={dispute} />
      </div>
    </portal.Shell>
  );
}
