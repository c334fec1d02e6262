import { orNotFound } from '@gametriggers/auth/portal';
import { formatCents, participationDisputeIdInputSchema } from '@gametriggers/contracts';
import { Card, DetailList, DisputeDetails, PageHeader, ReasonConfirm } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { NamedId } from '../../../components/names/named-id';
import { namesForPage } from '../../../components/names/page-names';
import { portal } from '../../../portal';
import { resolveDispute } from '../actions';

export const dynamic = 'force-dynamic';

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  await portal.requirePermission('canManageDisputes');
  const input = participationDisputeIdInputSchema.safeParse({ disputeId: (await params).id });
  if (!input.success) notFound();
  const api = await portal.sessionApi();
  const dispute = await orNotFound(api.payment.disputes.admin.get.query(input.data));
  const held = formatCents(dispute.heldCents, dispute.currency);
  const names = await namesForPage(api, {
    brandIds: [dispute.brandId],
    streamerIds: [dispute.streamerId],
    campaignIds: [dispute.campaignId],
    userIds: [dispute.resolvedBy],
  });
  const streamer = names.streamer(dispute.streamerId);
  const resolver = dispute.resolvedBy ? names.user(dispute.resolvedBy) : undefined;
  return (
    <portal.Shell>
      <p className="mb-2 text-sm">
        <a href="/disputes" className="text-brand-700 hover:underline">
          ← The queue
        </a>
      </p>
      <PageHeader title="Dispute" />
      <div className="space-y-6">
        <Card>
          <DetailList
            items={[
              { label: 'Participation', value: <code>{dispute.participationId}</code> },
              {
                label: 'Campaign',
                value: (
                  <NamedId
                    id={dispute.campaignId}
                    name={names.campaign(dispute.campaignId)?.title}
                    showId
                  />
                ),
              },
              {
                label: 'Brand',
                value: <NamedId id={dispute.brandId} name={names.brand(dispute.brandId)} showId />,
              },
              {
                label: 'Streamer',
                value: (
                  <NamedId
                    id={dispute.streamerId}
                    name={streamer?.displayName}
                    detail={streamer?.channelUrl ?? undefined}
                    showId
                  />
                ),
              },
              ...(dispute.resolvedBy
                ? [
                    {
                      label: 'Resolved by',
                      value: (
                        <NamedId
                          id={dispute.resolvedBy}
                          name={resolver?.name ?? resolver?.email}
                          detail={resolver?.name ? resolver.email : undefined}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {dispute.status === 'open' ? (
            <div className="mt-6">
              <ReasonConfirm
                label="Resolve"
                title="Resolve the dispute"
                variant="primary"
                testId="resolve-dispute"
                description={`${held} is held. Where it goes cannot be undone; the platform fee already taken stays with the platform.`}
                action={resolveDispute.bind(null, dispute.id)}
              >
                <fieldset className="space-y-2 text-sm" data-testid="resolve-outcome">
                  <legend className="font-medium text-slate-800">Outcome</legend>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="outcome" value="release" defaultChecked /> Release all{' '}
                    {held} to the streamer
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="outcome" value="refund" /> Refund all {held} to the
                    brand&apos;s wallet
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="outcome" value="split" /> Split: the streamer receives
                  </label>
                </fieldset>
                <label className="block text-sm text-slate-700">
                  Streamer&apos;s share of a split (USD); the brand receives the rest
                  <input
                    name="streamerShare"
                    inputMode="decimal"
                    placeholder="0.00"
                    className="mt-1 block w-40 rounded-lg px-3 py-2 ring-1 ring-slate-300"
                  />
                </label>
              </ReasonConfirm>
            </div>
          ) : null}
        </Card>
        <DisputeDetails dispute={dispute} />
      </div>
    </portal.Shell>
  );
}
