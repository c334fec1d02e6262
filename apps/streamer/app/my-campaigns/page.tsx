import { participationStatusSchema } from '@gametriggers/contracts';
import type { ParticipationStatus } from '@gametriggers/contracts';
import type { DisputeForDisplay } from '@gametriggers/ui';
import {
  ButtonLink,
  EmptyState,
  LoadMore,
  PageHeader,
  ParticipationDisputeControl,
  Tabs,
  latestDisputeByParticipation,
} from '@gametriggers/ui';
import {
  LocalTime,
  ParticipationActions,
  ParticipationStatusBadge,
  categoryLabel,
} from '../../components/participation';
import type { Participation } from '../../components/participation';
import { SponsorLinkPanel } from '../../components/sponsor-link';
import { portal } from '../../portal';
import { openDispute } from '../disputes/actions';

export const dynamic = 'force-dynamic';

const tabs: ReadonlyArray<{ value: ParticipationStatus | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'pending', label: 'Applications' },
  { value: 'completed', label: 'Completed' },
  { value: 'left_early', label: 'Left' },
  { value: 'removed', label: 'Removed' },
  { value: 'rejected', label: 'Declined' },
  { value: 'withdrawn', label: 'Withdrawn' },
];

const emptyText: Record<ParticipationStatus | 'all', string> = {
  all: 'Campaigns you join or apply to show up here, with their G-Key and what you can do next.',
  active: 'No campaign is running on your overlay right now.',
  paused: 'Nothing is paused.',
  pending: 'No application is waiting for a brand.',
  completed: 'No campaign has finished yet.',
  left_early: 'You have not left any campaign early.',
  removed: 'No brand has removed you from a campaign.',
  rejected: 'No application was declined.',
  withdrawn: 'You have not withdrawn any application.',
};

function pageHref(status: string, cursor?: string) {
  const query = new URLSearchParams();
  if (status !== 'all') query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return `/my-campaigns${search ? `?${search}` : ''}`;
}

/** Participations that may have earned something, so may be disputed. */
const disputable = new Set(['active', 'paused', 'completed', 'left_early', 'removed']);

function ParticipationRow({
  participation,
  sponsor,
  dispute,
}: {
  participation: Participation;
  /** The brand's name, for the chat command (the campaign's title when it cannot be read). */
  sponsor: string;
  /** Its latest dispute, if any. */
  dispute: Pick<DisputeForDisplay, 'id' | 'status' | 'outcome'> | null;
}) {
  const ended = participation.endedAt;
  const delivering = participation.status === 'active' && participation.clickCode;
  return (
    <li
      data-testid="participation-row"
      data-status={participation.status}
      className="space-y-4 p-5"
    >
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="truncate font-semibold text-slate-900">{participation.campaignTitle}</h2>
            <ParticipationStatusBadge status={participation.status} />
          </div>
          <p className="text-sm text-slate-600">
            {participation.gkeyCategory ? (
              <>G-Key: {categoryLabel(participation.gkeyCategory)} · </>
            ) : null}
            {participation.joinedAt ? (
              <>
                Joined <LocalTime date={participation.joinedAt} />
              </>
            ) : participation.appliedAt ? (
              <>
                Applied <LocalTime date={participation.appliedAt} />
              </>
            ) : null}
            {ended ? (
              <>
                {' '}
                · Ended <LocalTime date={ended} />
              </>
            ) : null}
          </p>
          {participation.rejectionReason ? (
            <p className="text-sm text-slate-600">
              Brand’s reason: {participation.rejectionReason}
            </p>
          ) : null}
          {participation.removal ? (
            <p className="text-sm text-slate-600">
              Removed: {participation.removal.note}
              {participation.removal.forfeitEarnings
                ? ' Earnings from this campaign are forfeited.'
                : ''}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {disputable.has(participation.status) ? (
            <ParticipationDisputeControl
              participationId={participation.id}
              dispute={dispute}
              submit={openDispute}
            />
          ) : null}
          <ParticipationActions participation={participation} />
        </div>
      </div>
      {delivering ? (
        <SponsorLinkPanel
          participationId={participation.id}
          clickCode={participation.clickCode!}
          sponsor={sponsor}
        />
      ) : null}
    </li>
  );
}

/** Brand names of the delivering participations' campaigns, for their chat commands. */
async function sponsorsOf(
  api: Awaited<ReturnType<typeof portal.sessionApi>>,
  participations: Participation[],
) {
  const campaignIds = [
    ...new Set(
      participations.filter((item) => item.status === 'active').map((item) => item.campaignId),
    ),
  ];
  const names = await Promise.all(
    campaignIds.map(async (campaignId) => {
      const campaign = await api.campaign.publicView.query({ campaignId }).catch(() => null);
      return [campaignId, campaign?.brandName ?? null] as const;
    }),
  );
  return new Map(names);
}

export default async function MyCampaignsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; cursor?: string }>;
}) {
  const params = await searchParams;
  const parsedStatus = participationStatusSchema.safeParse(params.status);
  const status = parsedStatus.success ? parsedStatus.data : undefined;
  const api = await portal.sessionApi();
  const page = await api.participation.listMine.query({
    limit: 20,
    ...(status ? { status } : {}),
    ...(params.cursor ? { cursor: params.cursor } : {}),
  });
  const current = status ?? 'all';
  const [sponsors, disputes] = await Promise.all([
    sponsorsOf(api, page.items),
    api.payment.disputes.streamer.listMine.query({ limit: 100 }),
  ]);
  const disputeOf = latestDisputeByParticipation(disputes.items);

  return (
    <portal.Shell>
      <PageHeader
        title="My campaigns"
        description="Campaigns you run or applied to. Leaving starts your G-Key’s cool-off."
        actions={
          <ButtonLink href="/keys" variant="secondary">
            G-Keys & energy
          </ButtonLink>
        }
      />
      <Tabs
        label="Filter by status"
        current={current}
        tabs={tabs.map((tab) => ({ ...tab, href: pageHref(tab.value) }))}
      />
      {page.items.length === 0 ? (
        <EmptyState
          title={current === 'all' ? 'No campaigns yet' : 'Nothing here'}
          action={<ButtonLink href="/marketplace">Browse the marketplace</ButtonLink>}
        >
          {emptyText[current]}
        </EmptyState>
      ) : (
        <>
          <ul
            data-testid="participation-list"
            className="divide-y divide-slate-100 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200"
          >
            {page.items.map((participation) => (
              <ParticipationRow
                key={participation.id}
                participation={participation}
                sponsor={sponsors.get(participation.campaignId) ?? participation.campaignTitle}
                dispute={disputeOf.get(participation.id) ?? null}
              />
            ))}
          </ul>
          <LoadMore href={page.nextCursor ? pageHref(current, page.nextCursor) : null} />
        </>
      )}
    </portal.Shell>
  );
}
