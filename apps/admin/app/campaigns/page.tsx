import type { RouterOutputs } from '@gametriggers/api';
import type { AdminListCampaignsInput } from '@gametriggers/contracts';
import { adminListCampaignsInputSchema, campaignStatuses } from '@gametriggers/contracts';
import type { Column } from '@gametriggers/ui';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  EmptyState,
  Field,
  LoadMore,
  PageHeader,
  Table,
  Tabs,
} from '@gametriggers/ui';
import { portal } from '../../portal';
import { money, statusLabel, statusTones, utc } from './campaign-labels';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;
type SearchParams = Record<string, string | string[] | undefined>;
type Filters = Pick<
  AdminListCampaignsInput,
  'status' | 'brandId' | 'query' | 'sortBy' | 'direction'
>;

const text = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The table's filters from the address, each checked by the procedure's own schema; a bad one is named, not sent. */
function filtersOf(params: SearchParams) {
  const filters: Record<string, string> = {};
  const ignored: string[] = [];
  for (const name of ['status', 'brandId', 'query', 'sortBy', 'direction'] as const) {
    const value = text(params[name]);
    if (value === undefined) continue;
    if (adminListCampaignsInputSchema.shape[name].safeParse(value).success) filters[name] = value;
    else ignored.push(`“${value.slice(0, 40)}” is not a valid ${name}`);
  }
  const cursor = text(params.cursor);
  return { filters: filters as Filters, cursor, ignored };
}

function hrefOf(
  filters: Filters,
  changes: Partial<Record<keyof Filters | 'cursor', string | undefined>> = {},
) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...changes }))
    if (value) search.set(name, value);
  const query = search.toString();
  return query ? `/campaigns?${query}` : '/campaigns';
}

type Row = RouterOutputs['campaign']['adminList']['items'][number];

const columns: Array<Column<Row>> = [
  {
    header: 'Campaign',
    cell: (row) => (
      <a
        href={`/campaigns/${row.id}`}
        className="font-medium text-brand-700 hover:underline"
        data-testid="campaign-link"
      >
        {row.title}
      </a>
    ),
  },
  {
    header: 'Brand',
    cell: (row) => row.brandName ?? <span className="text-slate-400">not submitted</span>,
  },
  {
    header: 'Status',
    cell: (row) => (
      <Badge tone={statusTones[row.status]}>
        {statusLabel(row.status)}
        {row.pausedBy === 'admin' ? ' by admin' : ''}
      </Badge>
    ),
  },
  { header: 'Budget', sortKey: 'budgetCents', cell: (row) => money(row.budgetCents) },
  { header: 'Left', cell: (row) => money(row.remainingBudgetCents) },
  { header: 'Starts', sortKey: 'startsAt', cell: (row) => utc(row.startsAt) },
  { header: 'Ends', sortKey: 'endsAt', cell: (row) => utc(row.endsAt) },
  { header: 'Created', sortKey: 'createdAt', cell: (row) => utc(row.createdAt) },
];

export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await portal.requirePermission('canManageCampaigns');
  const { filters, cursor, ignored } = filtersOf(await searchParams);
  const page = await portal.act((api) =>
    api.campaign.adminList.query({ ...filters, cursor, limit: PAGE_SIZE }),
  );
  const sortBy = filters.sortBy ?? 'createdAt';
  const direction = filters.direction ?? 'asc';
  const counts = page.ok ? page.data.counts : null;
  const all = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : undefined;

  return (
    <portal.Shell>
      <PageHeader
        title="Campaigns"
        description="Every brand's campaigns: review them, and pause, end, cancel or re-budget one when something is wrong."
      />
      <Tabs
        label="Status"
        current={filters.status ?? 'all'}
        tabs={[
          {
            value: 'all',
            label: 'All',
            count: all,
            href: hrefOf({ ...filters, status: undefined }),
          },
          ...campaignStatuses.map((status) => ({
            value: status,
            label: statusLabel(status),
            count: counts?.[status],
            href: hrefOf({ ...filters, status }),
          })),
        ]}
      />
      <form
        method="get"
        action="/campaigns"
        className="mb-6 grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        data-testid="campaign-filters"
      >
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        <input type="hidden" name="sortBy" value={sortBy} />
        <input type="hidden" name="direction" value={direction} />
        <Field
          id="campaign-query"
          name="query"
          label="Title or brand"
          defaultValue={filters.query ?? ''}
          placeholder="e.g. Acme"
        />
        <Field
          id="campaign-brand"
          name="brandId"
          label="Brand id"
          defaultValue={filters.brandId ?? ''}
          placeholder="Brand account id"
        />
        <div className="flex gap-2">
          <Button type="submit" data-testid="apply-filters">
            Filter
          </Button>
          <ButtonLink href="/campaigns" variant="secondary">
            Clear
          </ButtonLink>
        </div>
      </form>
      {ignored.length > 0 ? (
        <Alert tone="warning">{`${ignored.join('; ')}: left out.`}</Alert>
      ) : null}
      {!page.ok ? (
        <Alert title="The campaigns could not be read">{page.error.message}</Alert>
      ) : page.data.items.length === 0 ? (
        <EmptyState title="No campaigns match">Change the filters or clear them.</EmptyState>
      ) : (
        <>
          <Table
            columns={columns}
            rows={page.data.items}
            rowKey={(row) => row.id}
            rowTestId="campaign-row"
            caption="Campaigns"
            phoneLayout="cards"
            sort={{
              key: sortBy,
              direction,
              href: (key, next) =>
                hrefOf({ ...filters, sortBy: key as Filters['sortBy'], direction: next }),
            }}
          />
          <LoadMore
            href={page.data.nextCursor ? hrefOf(filters, { cursor: page.data.nextCursor }) : null}
            label="Next page"
          />
        </>
      )}
    </portal.Shell>
  );
}
