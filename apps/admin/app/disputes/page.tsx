import { participationDisputeQueueInputSchema } from '@gametriggers/contracts';
import { Alert, DisputesTable, EmptyState, LoadMore, PageHeader, Tabs } from '@gametriggers/ui';
import { NamedId } from '../../components/names/named-id';
import { namesForPage } from '../../components/names/page-names';
import { portal } from '../../portal';
import type { SearchParams } from '../list-filters';
import { chosenFilters, listHref } from '../list-filters';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;

const statusTabs = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
] as const;

export default async function DisputesQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await portal.requirePermission('canManageDisputes');
  const chosen = chosenFilters(participationDisputeQueueInputSchema, await searchParams, [
    'status',
    'openedBy',
    'sortBy',
    'direction',
  ]);
  const input = participationDisputeQueueInputSchema.parse({ ...chosen.query, limit: PAGE_SIZE });
  const page = await portal.act((api) => api.payment.disputes.admin.list.query(input));
  const disputes = page.ok ? page.data.items : [];
  const names = await namesForPage(await portal.sessionApi(), {
    brandIds: disputes.map((dispute) => dispute.brandId),
    streamerIds: disputes.map((dispute) => dispute.streamerId),
    campaignIds: disputes.map((dispute) => dispute.campaignId),
  });
  const filters = chosen.values;
  return (
    <portal.Shell>
      <PageHeader
        title="Disputes"
        description="Brands and streamers disputing a participation's earnings; open ones oldest first. The earnings stay held until you resolve."
      />
      <Tabs
        label="Status"
        current={input.status}
        tabs={statusTabs.map((tab) => ({ ...tab, href: listHref('/disputes', { ...filters, status: tab.value }) }))}
      />
      <form method="get" action="/disputes" className="mb-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="status" value={input.status} />
        <input type="hidden" name="sortBy" value={input.sortBy} />
        <input type="hidden" name="direction" value={input.direction} />
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
        <button type="submit" className="rounded-lg bg-white px-3 py-1.5 text-sm font-semibold ring-1 ring-slate-300">
          Filter
        </button>
      </form>
      {chosen.problem ? <Alert tone="warning">{chosen.problem}</Alert> : null}
      {!page.ok ? (
        <Alert title="The disputes could not be loaded">{page.error.message}</Alert>
      ) : disputes.length === 0 ? (
        <EmptyState title={input.status === 'open' ? 'No open disputes' : 'No disputes'}>Nothing matches these filters.</EmptyState>
      ) : (
        <DisputesTable
          disputes={disputes}
          hrefOf={(dispute) => `/disputes/${dispute.id}`}
          sort={{
            key: input.sortBy,
            direction: input.direction,
            href: (sortBy, direction) => listHref('/disputes', { ...filters, sortBy, direction }),
          }}
          extraColumns={[
            {
              header: 'Campaign',
              cell: (dispute) => <NamedId id={dispute.campaignId} name={names.campaign(dispute.campaignId)?.title} />,
            },
            {
              header: 'Brand',
              cell: (dispute) => <NamedId id={dispute.brandId} name={names.brand(dispute.brandId)} />,
            },
            {
              header: 'Streamer',
              cell: (dispute) => <NamedId id={dispute.streamerId} name={names.streamer(dispute.streamerId)?.displayName} />,
            },
          ]}
        />
      )}
      <LoadMore href={page.ok && page.data.nextCursor ? listHref('/disputes', filters, page.data.nextCursor) : null} />
    </portal.Shell>
  );
}
