import { myParticipationDisputesInputSchema } from '@gametriggers/contracts';
import { DisputesTable, EmptyState, LoadMore, PageHeader } from '@gametriggers/ui';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

export default async function DisputesPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { cursor } = await searchParams;
  const input = myParticipationDisputesInputSchema.safeParse({ cursor });
  const api = await portal.sessionApi();
  const page = await api.payment.disputes.brand.listMine.query(input.success ? input.data : {});
  return (
    <portal.Shell>
      <PageHeader
        title="Disputes"
        description="Disputes about a participation's earnings. While one is open, the streamer's earnings from it are held; our team decides where they go."
      />
      {page.items.length === 0 ? (
        <EmptyState title="No disputes">
          Open one from a participant on a campaign&apos;s page if a streamer&apos;s delivery was
          not what you paid for.
        </EmptyState>
      ) : (
        <DisputesTable disputes={page.items} hrefOf={(dispute) => `/disputes/${dispute.id}`} />
      )}
      <LoadMore
        href={page.nextCursor ? `/disputes?cursor=${encodeURIComponent(page.nextCursor)}` : null}
      />
    </portal.Shell>
  );
}
