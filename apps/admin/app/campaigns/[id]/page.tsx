import type { RouterOutputs } from '@gametriggers/api';
import { centsAsAmountText, idSchema, pricingModels } from '@gametriggers/contracts';
import {
  Alert,
  Badge,
  ButtonLink,
  Card,
  DetailList,
  EmptyState,
  PageHeader,
  ReasonConfirm,
  StatCard,
  Table,
} from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { portal } from '../../../portal';
import {
  approveCampaign,
  emergencyPause,
  forceCancel,
  forceComplete,
  liftPause,
  overrideBudget,
  rejectCampaign,
} from '../actions';
import { money, statusLabel, statusTones, utc } from '../campaign-labels';
import { ActionButton } from '../../action-button';

export const dynamic = 'force-dynamic';

type Campaign = RouterOutputs['campaign']['get'];
type Participant = RouterOutputs['participation']['listForCampaign']['items'][number];

const PARTICIPANTS_SHOWN = 50;

function StatusNotice({ campaign }: { campaign: Campaign }) {
  if (campaign.status === 'paused') {
    return (
      <Alert
        tone="warning"
        title={campaign.pausedBy === 'admin' ? 'Paused by an administrator' : 'Paused by the brand'}
      >
        {campaign.pausedBy === 'admin'
          ? `Reason: ${campaign.pauseReason ?? '—'}. The brand cannot resume it; lift the pause here.`
          : 'The brand paused it and is the one to resume it. An emergency pause takes it over.'}
      </Alert>
    );
  }
  if (campaign.closedByAdminReason) {
    return (
      <Alert
        tone="info"
        title={
          campaign.status === 'cancelled'
            ? 'Cancelled by an administrator'
            : 'Completed by an administrator'
        }
      >
        Reason: {campaign.closedByAdminReason}
      </Alert>
    );
  }
  if (campaign.status === 'rejected' && campaign.rejectionReason) {
    return <Alert tone="info" title="Rejected">{`Reason: ${campaign.rejectionReason}`}</Alert>;
  }
  if (campaign.walletShortByCents !== null && campaign.status === 'pending_review') {
    return (
      <Alert tone="warning" title="The last approval was refused">
        {`The brand's wallet was short by ${money(campaign.walletShortByCents)}. Approve again once the brand tops up.`}
      </Alert>
    );
  }
  return null;
}

function Actions({ campaign }: { campaign: Campaign }) {
  const can = (action: Campaign['allowedActions'][number]) =>
    campaign.allowedActions.includes(action);
  const pausable =
    campaign.status === 'active' || (campaign.status === 'paused' && campaign.pausedBy === 'brand');
  const id = campaign.id;
  const actions = [
    can('approve') ? (
      <ActionButton
        key="approve"
        label="Approve"
        testId="approve-campaign"
        action={approveCampaign.bind(null, id)}
      />
    ) : null,
    can('reject') ? (
      <ReasonConfirm
        key="reject"
        label="Reject"
        title="Reject this campaign?"
        testId="reject-campaign"
        description="The brand sees the reason and can edit the campaign and submit it again."
        action={rejectCampaign.bind(null, id)}
      />
    ) : null,
    pausable ? (
      <ReasonConfirm
        key="pause"
        label="Emergency pause"
        title="Pause this campaign now?"
        testId="emergency-pause"
        description="Streamers stop showing it at once. The brand sees the reason and cannot resume it; only an administrator can."
        action={emergencyPause.bind(null, id)}
      />
    ) : null,
    can('resume') ? (
      <ReasonConfirm
        key="resume"
        label="Lift the pause"
        title="Resume this campaign?"
        variant="primary"
        testId="lift-pause"
        description="Streamers taking part show it again."
        action={liftPause.bind(null, id)}
      />
    ) : null,
    can('override_budget') ? (
      <ReasonConfirm
        key="budget"
        label="Change budget"
        title="Change this campaign's budget?"
        variant="secondary"
        testId="override-budget"
        description={`An increase is reserved from the brand's wallet (refused if it cannot pay); a decrease goes back to it. It cannot go below the ${money(campaign.spentCents)} spent.`}
        action={overrideBudget.bind(null, id)}
      >
        <label className="block space-y-1.5 text-sm font-medium text-slate-800">
          <span>New budget (USD)</span>
          <input
            name="budget"
            inputMode="decimal"
            required
            defaultValue={centsAsAmountText(campaign.budgetCents)}
            data-testid="override-budget-amount"
            className="block w-full rounded-lg border-0 px-3 py-2 text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
        </label>
      </ReasonConfirm>
    ) : null,
    can('end') ? (
      <ReasonConfirm
        key="complete"
        label="Force complete"
        title="Complete this campaign now?"
        testId="force-complete"
        description="It ends for good: participations end and the unspent budget goes back to the brand's wallet."
        action={forceComplete.bind(null, id)}
      />
    ) : null,
    can('cancel') ? (
      <ReasonConfirm
        key="cancel"
        label="Force cancel"
        title="Cancel this campaign?"
        testId="force-cancel"
        description="It is cancelled for good: participations end and the unspent budget goes back to the brand's wallet."
        action={forceCancel.bind(null, id)}
      />
    ) : null,
  ].filter(Boolean);
  if (actions.length === 0)
    return (
      <p className="text-sm text-slate-500">
        Nothing can be done to a {statusLabel(campaign.status).toLowerCase()} campaign.
      </p>
    );
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid="campaign-actions">
      {actions}
    </div>
  );
}

function Creative({ campaign }: { campaign: Campaign }) {
  return (
    <div className="space-y-3">
      <div className="overflow-hidden rounded-xl bg-slate-100 ring-1 ring-slate-200">
        {campaign.creative.type === 'video' ? (
          <video
            src={campaign.creative.url}
            controls
            muted
            className="max-h-80 w-full object-contain"
            data-testid="campaign-creative"
          />
        ) : (
          <img
            src={campaign.creative.url}
            alt={campaign.creative.altText ?? ''}
            className="max-h-80 w-full object-contain"
            data-testid="campaign-creative"
          />
        )}
      </div>
      <DetailList
        items={[
          {
            label: 'Creative',
            value: (
              <a href={campaign.creative.url} className="break-all text-brand-700 hover:underline">
                {campaign.creative.url}
              </a>
            ),
          },
          {
            label: 'Clicks go to',
            value: (
              <a
                href={campaign.clickThroughUrl}
                className="break-all text-brand-700 hover:underline"
              >
                {campaign.clickThroughUrl}
              </a>
            ),
          },
        ]}
      />
    </div>
  );
}

const participantColumns = [
  { header: 'Streamer', cell: (row: Participant) => row.streamer.displayName },
  { header: 'Status', cell: (row: Participant) => row.status },
  {
    header: 'Followers',
    cell: (row: Participant) => row.streamer.followers.toLocaleString('en-US'),
  },
  { header: 'Joined', cell: (row: Participant) => (row.joinedAt ? utc(row.joinedAt) : '—') },
];

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  await portal.requirePermission('canManageCampaigns');
  const { id } = await params;
  if (!idSchema('campaign').safeParse(id).success) notFound();
  const found = await portal.act((client) => client.campaign.get.query({ campaignId: id }));
  if (!found.ok) {
    if (found.error.code === 'NOT_FOUND') notFound();
    return (
      <portal.Shell>
        <Alert title="The campaign could not be read">{found.error.message}</Alert>
      </portal.Shell>
    );
  }
  const campaign = found.data;
  const participants = await portal.act((client) =>
    client.participation.listForCampaign.query({ campaignId: id, limit: PARTICIPANTS_SHOWN }),
  );
  const reserved = campaign.approvedAt !== null && campaign.status !== 'rejected';
  const pricing = pricingModels.find((model) => model.id === campaign.pricing.model);

  return (
    <portal.Shell>
      <PageHeader
        title={campaign.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={statusTones[campaign.status]} data-testid="campaign-status">
              {statusLabel(campaign.status)}
            </Badge>
            <a
              href={`/campaigns?brandId=${campaign.brandId}`}
              className="text-brand-700 hover:underline"
            >
              {campaign.brandName ?? 'Brand'}’s campaigns
            </a>
          </span>
        }
        actions={
          <ButtonLink href="/campaigns" variant="secondary">
            All campaigns
          </ButtonLink>
        }
      />
      <div className="max-w-5xl space-y-6">
        <StatusNotice campaign={campaign} />
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Actions</h2>
          <Actions campaign={campaign} />
        </Card>
        <div className="grid gap-4 sm:grid-cols-3">
          <StatCard
            label="Budget reserved"
            value={reserved ? money(campaign.budgetCents) : '—'}
            hint={
              reserved
                ? 'Held in escrow from the brand’s wallet'
                : `${money(campaign.budgetCents)} asked; reserved on approval`
            }
            testId="budget-reserved"
          />
          <StatCard label="Spent" value={money(campaign.spentCents)} testId="budget-spent" />
          <StatCard
            label="Left"
            value={money(campaign.remainingBudgetCents)}
            testId="budget-left"
          />
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className="mb-4 text-lg font-semibold">Creative</h2>
            <Creative campaign={campaign} />
          </Card>
          <Card>
            <h2 className="mb-4 text-lg font-semibold">Details</h2>
            <DetailList
              items={[
                { label: 'Runs', value: `${utc(campaign.startsAt)} – ${utc(campaign.endsAt)}` },
                {
                  label: 'Pricing',
                  value: `${money(campaign.pricing.rateCents)} ${pricing?.unit ?? ''}`,
                },
                { label: 'Categories', value: campaign.categories.join(', ') },
                { label: 'Languages', value: campaign.languages.join(', ') || 'Any' },
                { label: 'Regions', value: campaign.regions.join(', ') || 'Worldwide' },
                {
                  label: 'Minimum followers / viewers',
                  value: `${campaign.minFollowers} / ${campaign.minAverageViewers}`,
                },
                {
                  label: 'Join mode',
                  value: campaign.joinMode === 'open' ? 'Open' : 'Brand approves',
                },
                {
                  label: 'Participants',
                  value: `${campaign.activeParticipantCount}${campaign.maxParticipants ? ` of ${campaign.maxParticipants}` : ''} active`,
                },
                {
                  label: 'Submitted',
                  value: campaign.submittedAt ? utc(campaign.submittedAt) : '—',
                },
                { label: 'Approved', value: campaign.approvedAt ? utc(campaign.approvedAt) : '—' },
              ]}
            />
            <p className="mt-4 whitespace-pre-line text-sm text-slate-700">
              {campaign.description}
            </p>
          </Card>
        </div>
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Participants</h2>
          {!participants.ok ? (
            <Alert>{participants.error.message}</Alert>
          ) : participants.data.items.length === 0 ? (
            <EmptyState title="No streamer has joined">
              Streamers join once it is active and started.
            </EmptyState>
          ) : (
            <Table
              columns={participantColumns}
              rows={participants.data.items}
              rowKey={(row) => row.id}
              rowTestId="participant-row"
              caption="Participants"
              phoneLayout="cards"
            />
          )}
        </Card>
      </div>
    </portal.Shell>
  );
}
