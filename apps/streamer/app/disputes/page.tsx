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
  const page = await api.payment.disputes.streamer.listMine.query(input.success ? input.data : {});
  return (
    <portal.Shell>
      <PageHeader
        title="Disputes"
        description="Disputes about your earnings from a campaign. While one is open, those earnings are held; our team decides where they go."
      />
      {page.items.length === 0 ? (
        <EmptyState title="No disputes">
          If a brand disputes a campaign you ran, or you dispute one from My campaigns, it shows up
          here.
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
