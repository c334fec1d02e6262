import type { RouterOutputs } from '@gametriggers/api';
import { listStreamerVerificationsInput } from '@gametriggers/contracts';
import type { Column } from '@gametriggers/ui';
import { Alert, EmptyState, LoadMore, Table, Tabs } from '@gametriggers/ui';
import { portal } from '../../portal';

type Request = RouterOutputs['streamer']['verification']['list']['items'][number];
type SearchParams = Record<string, string | string[] | undefined>;

const PAGE_SIZE = 20;
const decisionStatuses = [
  { value: 'pending', label: 'Waiting' },
  { value: 'verified', label: 'Verified' },
  { value: 'rejected', label: 'Rejected' },
] as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const queueHref = (status: string, cursor?: string | null) =>
  `/verifications?${new URLSearchParams({ tab: 'streamers', status, ...(cursor ? { cursor } : {}) })}`;

const columns: Array<Column<Request>> = [
  {
    header: 'Streamer',
    cell: (request) => (
      <a
        href={`/verifications/streamers/${request.streamerId}`}
        className="font-medium text-brand-700 hover:underline"
        data-testid="streamer-verification-link"
      >
        {request.displayName}
      </a>
    ),
  },
  {
    header: 'Channels',
    cell: (request) =>
      request.channels
        .map(
          (channel) =>
            `${channel.platform} · ${channel.username} (${channel.followers.toLocaleString('en-US')} followers)`,
        )
        .join(', '),
  },
  { header: 'Requested', cell: (request) => utc(request.requestedAt) },
  { header: 'Decided', cell: (request) => (request.decidedAt ? utc(request.decidedAt) : '—') },
];

/** The streamers tab of /verifications: requests in one status, oldest first. */
export async function StreamersTab({ params }: { params: SearchParams }) {
  const chosen = listStreamerVerificationsInput.safeParse({
    status: first(params.status),
    cursor: first(params.cursor),
    limit: PAGE_SIZE,
  });
  const input = chosen.success ? chosen.data : { status: 'pending' as const, limit: PAGE_SIZE };
  const page = await portal.act((api) => api.streamer.verification.list.query(input));
  return (
    <div data-testid="streamer-verifications">
      <Tabs
        label="Decision"
        current={input.status}
        tabs={decisionStatuses.map((status) => ({ ...status, href: queueHref(status.value) }))}
      />
      {!chosen.success ? (
        <Alert tone="warning">That filter is not valid; showing the waiting requests.</Alert>
      ) : null}
      {!page.ok ? (
        <Alert title="The streamer requests could not be read">{page.error.message}</Alert>
      ) : page.data.items.length === 0 ? (
        <EmptyState title="No streamer requests here">
          {input.status === 'pending' ? 'Nobody is waiting for a decision.' : 'None yet.'}
        </EmptyState>
      ) : (
        <>
          <Table
            columns={columns}
            rows={page.data.items}
            rowKey={(request) => request.id}
            rowTestId="streamer-verification-row"
            caption="Streamer verification requests"
            phoneLayout="cards"
          />
          <LoadMore
            href={page.data.nextCursor ? queueHref(input.status, page.data.nextCursor) : null}
            label="Next page"
          />
        </>
      )}
    </div>
  );
}
