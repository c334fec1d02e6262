import { formatCents } from '@gametriggers/contracts';
import type { ReactNode } from 'react';
import type { Column, TableSort } from '../data-display';
import { Table } from '../data-display';
import type { DisputeForDisplay } from './dispute-details';
import { DisputeStatusBadge, formatDisputeDay } from './dispute-details';

type DisputeRow = Pick<
  DisputeForDisplay,
  'id' | 'reason' | 'openedBy' | 'status' | 'outcome' | 'heldCents' | 'currency' | 'createdAt'
>;

/**
 * Disputes, each linking to its page (`hrefOf`); `extraColumns` go after the reason (an admin's
 * parties, a party's campaign). With `sort`, the opened, held and status headers sort on the
 * server (keys `createdAt`, `heldCents`, `status`).
 */
export function DisputesTable<Row extends DisputeRow>({
  disputes,
  hrefOf,
  extraColumns = [],
  sort,
}: {
  disputes: readonly Row[];
  hrefOf: (dispute: Row) => string;
  extraColumns?: ReadonlyArray<Column<Row>>;
  sort?: TableSort;
}) {
  const columns: Array<Column<Row>> = [
    {
      header: 'Reason',
      cell: (dispute): ReactNode => (
        <a
          href={hrefOf(dispute)}
          className="font-semibold text-brand-700 hover:underline"
          data-testid="dispute-link"
        >
          {dispute.reason}
        </a>
      ),
    },
    ...extraColumns,
    {
      header: 'Opened by',
      cell: (dispute) => (dispute.openedBy === 'brand' ? 'Brand' : 'Streamer'),
    },
    {
      header: 'Opened',
      sortKey: 'createdAt',
      cell: (dispute) => formatDisputeDay(dispute.createdAt),
    },
    {
      header: 'Held',
      sortKey: 'heldCents',
      cell: (dispute) => formatCents(dispute.heldCents, dispute.currency),
      className: 'text-right tabular-nums',
    },
    {
      header: 'Status',
      sortKey: 'status',
      cell: (dispute) => <DisputeStatusBadge dispute={dispute} />,
    },
  ];
  return (
    <Table
      columns={columns}
      rows={disputes}
      rowKey={(dispute) => dispute.id}
      rowTestId="dispute-row"
      phoneLayout="cards"
      sort={sort}
    />
  );
}
