import {
  moderationItemStatusSchema,
  moderationItemStatuses,
  moderationKindSchema,
  moderationKinds,
} from '@gametriggers/contracts';
import type { ModerationItemStatus, ModerationKind } from '@gametriggers/contracts';
import { Alert, Badge, EmptyState, LoadMore, PageHeader, Table, Tabs } from '@gametriggers/ui';
import type { Column } from '@gametriggers/ui';
import { NamedId } from '../../components/names/named-id';
import { portal } from '../../portal';
import { CreativeThumbnail } from './moderated-content';
import type { ModerationItem } from './moderation-labels';
import {
  formatInstant,
  kindFilterLabels,
  kindLabels,
  statusLabels,
  statusTones,
} from './moderation-labels';
import { ownerNamesFor } from './moderation-owners';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

interface Filters {
  status: ModerationItemStatus;
  kind?: ModerationKind;
  reported: boolean;
}

function listHref(filters: Filters, cursor?: string) {
  const query = new URLSearchParams();
  if (filters.status !== 'pending') query.set('status', filters.status);
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.reported) query.set('reported', '1');
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return `/moderation${search ? `?${search}` : ''}`;
}

const listItems = (filters: Filters, cursor: string | undefined) =>
  portal.act((api) =>
    api.admin.moderation.list.query({
      status: filters.status,
      kind: filters.kind,
      reportedOnly: filters.reported,
      cursor,
      limit: PAGE_SIZE,
    }),
  );

function FilterChip({
  href,
  pressed,
  testId,
  children,
}: {
  href: string;
  pressed: boolean;
  testId: string;
  children: string;
}) {
  return (
    <a
      href={href}
      aria-pressed={pressed}
      data-testid={testId}
      className={
        pressed
          ? 'rounded-full bg-brand-600 px-3 py-1 font-medium text-white'
          : 'rounded-full bg-white px-3 py-1 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50'
      }
    >
      {children}
    </a>
  );
}

const columnsFor = (ownerName: (item: ModerationItem) => string | undefined): ReadonlyArray<Column<ModerationItem>> => [
  {
    header: 'Content',
    cell: (item) => (
      <span className="flex items-center gap-3">
        <CreativeThumbnail item={item} />
        <a href={`/moderation/${item.id}`} className="min-w-0 font-semibold break-words text-brand-700 hover:underline" data-testid="moderation-item-link">
          {item.title}
        </a>
      </span>
    ),
  },
  { header: 'Kind', cell: (item) => kindLabels[item.kind] },
  { header: 'Owner', cell: (item) => <NamedId name={ownerName(item)} id={item.ownerId} testId="moderation-owner" /> },
  {
    header: 'Status',
    cell: (item) => (
      <span className="whitespace-nowrap">
        <Badge tone={statusTones[item.status]}>{statusLabels[item.status]}</Badge>
      </span>
    ),
  },
  {
    header: 'Reports',
    cell: (item) =>
      item.reportCount > 0 ? (
        <Badge tone="danger" data-testid="moderation-report-count">{`${item.reportCount} reported`}</Badge>
      ) : (
        '—'
      ),
  },
  { header: 'Submitted', cell: (item) => formatInstant(item.contentSubmittedAt) },
];

export default async function ModerationPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; kind?: string; reported?: string; cursor?: string }>;
}) {
  await portal.requirePermission('canModerateContent');
  const params = await searchParams;
  const filters: Filters = {
    status: moderationItemStatusSchema.safeParse(params.status).data ?? 'pending',
    kind: moderationKindSchema.safeParse(params.kind).data,
    reported: params.reported === '1',
  };
  const cursor = params.cursor?.slice(0, 200) || undefined;
  const result = await listItems(filters, cursor);
  const ownerName = result.ok ? await ownerNamesFor(await portal.sessionApi(), result.data.items) : () => undefined;

  return (
    <portal.Shell>
      <PageHeader
        title="Moderation"
        description="Campaign creatives, the creatives brands upload, and brand and streamer profiles to review, and the ads streamers reported. Rejecting a live campaign's creative pauses the campaign; rejecting an uploaded creative keeps it out of every campaign; rejecting a profile hides its public text until its owner changes it."
      />
      <Tabs
        label="Moderation items by status"
        current={filters.status}
        tabs={moderationItemStatuses.map((status) => ({
          value: status,
          label: statusLabels[status],
          href: listHref({ ...filters, status }),
        }))}
      />
      <div className="mb-4 flex flex-wrap gap-2 text-sm" data-testid="moderation-filters">
        <FilterChip
          href={listHref({ ...filters, kind: undefined })}
          pressed={!filters.kind}
          testId="filter-kind-all"
        >
          All kinds
        </FilterChip>
        {moderationKinds.map((kind) => (
          <FilterChip
            key={kind}
            href={listHref({ ...filters, kind })}
            pressed={filters.kind === kind}
            testId={`filter-kind-${kind}`}
          >
            {kindFilterLabels[kind]}
          </FilterChip>
        ))}
        <span className="mx-1 w-px self-stretch bg-slate-200" aria-hidden="true" />
        <FilterChip
          href={listHref({ ...filters, reported: !filters.reported })}
          pressed={filters.reported}
          testId="filter-reported"
        >
          Reported by streamers only
        </FilterChip>
      </div>
      {!result.ok ? (
        <Alert title="The moderation queue could not be loaded">{result.error.message}</Alert>
      ) : result.data.items.length === 0 ? (
        <div data-testid="moderation-empty">
          <EmptyState title={filters.status === 'pending' ? 'Nothing to review' : 'No items here'}>
            {filters.status === 'pending'
              ? 'New creatives, uploaded creatives, profile changes and streamer reports appear here as they arrive.'
              : 'Try another status or filter.'}
          </EmptyState>
        </div>
      ) : (
        <>
          <Table
            caption="Moderation queue"
            columns={columnsFor(ownerName)}
            rows={result.data.items}
            rowKey={(item) => item.id}
            rowTestId="moderation-row"
            phoneLayout="cards"
          />
          <LoadMore
            href={result.data.nextCursor ? listHref(filters, result.data.nextCursor) : null}
          />
        </>
      )}
    </portal.Shell>
  );
}
