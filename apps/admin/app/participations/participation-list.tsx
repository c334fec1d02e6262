import type { RouterOutputs } from '@gametriggers/api';
import { participationStatusLabels, participationStatuses, removalReasons } from '@gametriggers/contracts';
import { Badge, Field, ReasonConfirm, Select } from '@gametriggers/ui';
import { FilteredTable } from '../../components/filtered-table';
import { NamedId } from '../../components/names/named-id';
import type { PageNames } from '../../components/names/page-names';
import { formatUtc } from '../format';
import { listHref } from '../list-filters';
import { removeParticipation } from './actions';

type Participation = RouterOutputs['participation']['list']['items'][number];

const statusOptions = participationStatuses.map((status) => ({ value: status, label: participationStatusLabels[status] }));
const adminRemovalReasons = removalReasons
  .filter((reason) => reason.id !== 'brand_decision')
  .map((reason) => ({ value: reason.id, label: reason.label }));

function RemoveParticipation({ participation }: { participation: Participation }) {
  return (
    <ReasonConfirm
      label="Remove"
      title={`Remove ${participation.streamer.displayName} from “${participation.campaignTitle}”?`}
      description="The streamer leaves the campaign at once, cannot join it again, and their G-Key cools off. Your reason is shown to them."
      action={removeParticipation.bind(null, participation.id)}
      testId="remove-participation"
    >
      <Select id={`removal-reason-${participation.id}`} name="removalReason" label="Why" options={adminRemovalReasons} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="forfeitEarnings" className="size-4 rounded border-slate-300" />
        The streamer forfeits the earnings of this campaign
      </label>
    </ReasonConfirm>
  );
}

/** Every participation on the platform, filtered on the server; live ones can be removed. */
export function ParticipationList({
  page,
  values,
  problem,
  names,
}: {
  page: RouterOutputs['participation']['list'];
  values: Record<string, string>;
  problem: string | null;
  names: PageNames;
}) {
  return (
    <FilteredTable<Participation>
      label="Participations"
      action="/participations"
      filtersTestId="participation-filters"
      clearHref="/participations"
      filters={
        <>
          <Select id="participation-status" name="status" label="Status" placeholder="Any status" options={statusOptions} defaultValue={values.status ?? ''} />
          <Field id="participation-campaign" name="campaignId" label="Campaign id" defaultValue={values.campaignId ?? ''} />
          <Field id="participation-brand" name="brandId" label="Brand id" defaultValue={values.brandId ?? ''} />
          <Field id="participation-streamer" name="streamerId" label="Streamer id" defaultValue={values.streamerId ?? ''} />
        </>
      }
      problem={problem}
      empty={{ title: 'No participations', text: 'Nothing matches these filters.' }}
      caption="Participations"
      rowTestId="participation-row"
      rowKey={(row) => row.id}
      rows={page.items}
      nextHref={page.nextCursor ? listHref('/participations', values, page.nextCursor) : null}
      columns={[
        {
          header: 'Streamer',
          cell: (row) => (
            <a href={listHref('/participations', { streamerId: row.streamerId })} className="font-semibold text-slate-900 hover:text-brand-700 hover:underline">
              {row.streamer.displayName}
            </a>
          ),
        },
        {
          header: 'Campaign',
          cell: (row) => (
            <a href={listHref('/participations', { campaignId: row.campaignId })} className="hover:text-brand-700 hover:underline">
              {row.campaignTitle}
            </a>
          ),
        },
        {
          header: 'Brand',
          cell: (row) => (
            <NamedId id={row.brandId} name={names.brand(row.brandId)} href={listHref('/participations', { brandId: row.brandId })} />
          ),
        },
        {
          header: 'Status',
          cell: (row) => (
            <Badge tone={row.status === 'active' ? 'success' : row.status === 'removed' ? 'danger' : 'neutral'}>
              {participationStatusLabels[row.status]}
            </Badge>
          ),
        },
        { header: 'Since', cell: (row) => formatUtc(row.joinedAt ?? row.appliedAt ?? row.createdAt) },
        {
          header: 'Action',
          cell: (row) =>
            row.status === 'active' || row.status === 'paused' ? (
              <RemoveParticipation participation={row} />
            ) : row.removal ? (
              <span className="text-xs text-slate-500">{row.removal.note}</span>
            ) : null,
        },
      ]}
    />
  );
}
