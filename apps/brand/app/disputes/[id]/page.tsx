import { orNotFound } from '@gametriggers/auth/portal';
import { participationDisputeIdInputSchema } from '@gametriggers/contracts';
import { DisputeDetails, PageHeader } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { formatDay } from '../../../components/participants/formatting';
import { DisputeResponse } from '../../../components/disputes/dispute-response';
import { portal } from '../../../portal';

export const dynamic = 'force-dynamic';

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const input = participationDisputeIdInputSchema.safeParse({ disputeId: (await params).id });
  if (!input.success) notFound();
  const api = await portal.sessionApi();
  const dispute = await orNotFound(api.payment.disputes.brand.get.query(input.data));
  const awaitsYourSide = dispute.status === 'open' && dispute.openedBy === 'streamer' && dispute.responseText === null;
  return (
    <portal.Shell>
      <p className="mb-2 text-sm">
        <a href={`/campaigns/${dispute.campaignId}`} className="text-brand-700 hover:underline">
          ← The campaign
        </a>
      </p>
      <PageHeader title="Dispute" description="Our team reads both sides and decides where the held earnings go." />
      <div className="space-y-6">
        {awaitsYourSide ? <DisputeResponse disputeId={dispute.id} /> : null}
        <DisputeDetails dispute={dispute} formatDate={formatDay} />
      </div>
    </portal.Shell>
  );
}
