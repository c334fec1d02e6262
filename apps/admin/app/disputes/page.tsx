import { participationDisputeQueueInputSchema } from '@gametriggers/contracts';
import { DisputesTable, EmptyState, LoadMore, PageHeader, Tabs } from '@gametriggers/ui';
import { portal } from '../../portal';

export const dynamic = 'force-dynamic';

interface QueueParams {
  status?: string;
  openedBy?: string;
  cursor?: string;
}

function queueHref(params: QueueParams) {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const search = query.toString();
  return `/disputes${search ? `?${search}` : ''}`;
}

const shortId = (id: string) => id.slice(0, 8);

export default async function DisputesQueuePage({
  searchParams,
}: {
  searchParams: Promise<QueueParams>;
}) {
  await portal.requirePermission('canManageDisputes');
  const params = await searchParams;
  const parsed = participationDisputeQueueInputSchema.safeParse({
    status: params.status || undefined,
    openedBy: params.openedBy || undefined,
    cursor: params.cursor || undefined,
  });
  const input = parsed.success ? parsed.data : participationDisputeQueueInputSchema.parse({});
  const api = await portal.sessionApi();
  const page = await api.payment.disputes.admin.list.query(input);
  const filters = { status: input.status, openedBy: input.openedBy };
  return (
    <portal.Shell>
      <PageHeader
        title="Disputes"
        description="Brands and streamers disputing a participation's earnings, oldest first. The earnings stay held until you resolve."
      />
      <Tabs
        label="Status"
        current={input.status}
        tabs={[
          { value: 'open', label: 'Open', href: queueHref({ ...filters, status: 'open' }) },
          {
            value: 'resolved',
            label: 'Resolved',
            href: queueHref({ ...filters, status: 'resolved' }),
          },
        ]}
      />
      <form method="get" action="/disputes" className="mb-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="status" value={input.status} />
        <label className="text-sm text-slate-700">
          Opened by{' '}
          <select
            name="openedBy"
            defaultValue={input.openedBy ?? ''}
            className="ml-1 rounded-lg px-2 py-1.5 ring-1 ring-slate-300"
          >
            <option value="">Anyone</option>
            <option value="brand">A brand</option>
            <option value="streamer">A streamer</option>
          </select>
        </label>
        <button
          type="submit"
          className="rounded-lg bg-white px-3 py-1.5 text-sm font-semibold ring-1 ring-slate-300"
        >
          Filter
        </button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={input.status === 'open' ? 'No open disputes' : 'No resolved disputes'}>
          Nothing matches these filters.
        </EmptyState>
      ) : (
        <DisputesTable
          disputes={page.items}
          hrefOf={(dispute) => `/disputes/${dispute.id}`}
          extraColumns={[
            {
              header: 'Brand',
              cell: (dispute) => <code title={dispute.brandId}>{shortId(dispute.brandId)}</code>,
            },
            {
              header: 'Streamer',
              cell: (dispute) => (
                <code title={dispute.streamerId}>{shortId(dispute.streamerId)}</code>
              ),
            },
          ]}
        />
      )}
      <LoadMore
        href={page.nextCursor ? queueHref({ ...filters, cursor: page.nextCursor }) : null}
      />
    </portal.Shell>
  );
}
