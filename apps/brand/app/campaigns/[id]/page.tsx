import { TRPCClientError } from '@gametriggers/api';
import { AdCardPreview, Alert, ButtonLink, Card, PageHeader, StatCard } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { BudgetPanel } from '../../../components/billing/budget-panel';
import { VerificationRequirement } from '../../../components/brand-profile/verification-requirement';
import { CampaignActions } from '../../../components/campaigns/campaign-actions';
import { CampaignFacts } from '../../../components/campaigns/campaign-facts';
import { chosenFromCampaign } from '../../../components/campaigns/creative-choice';
import { CreativeHealthNote } from '../../../components/campaigns/creative-health-note';
import { CreativeModerationBadge, CreativeThumbnail } from '../../../components/campaigns/creative-thumbnail';
import { CampaignStatusBadge } from '../../../components/campaigns/campaign-status-badge';
import { DeliveryFigures } from '../../../components/campaigns/delivery-figures';
import {
  completionReasonLabels,
  formatCount,
  formatMoney,
} from '../../../components/campaigns/formatting';
import { LocalTime } from '../../../components/campaigns/local-time';
import { CampaignParticipants } from '../../../components/participants';
import type { ChosenCreative } from '../../../components/campaigns/creative-choice';
import type { Campaign } from '../../../components/campaigns/types';
import { portal } from '../../../portal';
import { changeCampaignStatus } from '../actions';

export const dynamic = 'force-dynamic';

const savedText = {
  created: 'Draft saved. Submit it for review when you are ready.',
  updated: 'Changes saved.',
} as const;

/** What the brand should know about where the campaign stands, in a sentence or two. */
function StatusNote({ campaign }: { campaign: Campaign }) {
  switch (campaign.status) {
    case 'draft':
      return campaign.rejectionReason ? (
        <Alert tone="warning" title="Rejected before">
          Our reviewer said: {campaign.rejectionReason} Submit again once it is addressed.
        </Alert>
      ) : (
        <Alert tone="info">A draft: only you can see it. Submit it for review to launch it.</Alert>
      );
    case 'pending_review':
      return (
        <Alert tone="info" title="In review">
          We check every campaign before it goes live, usually within a day. Submitted{' '}
          {campaign.submittedAt ? <LocalTime date={campaign.submittedAt} /> : null}.
        </Alert>
      );
    case 'rejected':
      return (
        <Alert tone="error" title="Rejected">
          {campaign.rejectionReason} Edit the campaign and submit it again.
        </Alert>
      );
    case 'active':
      return campaign.running ? (
        <Alert tone="success">
          Live: matching streamers can find and join it in the marketplace.
        </Alert>
      ) : campaign.startsAt.getTime() > Date.now() ? (
        <Alert tone="info" title="Approved">
          It launches on <LocalTime date={campaign.startsAt} />; streamers can join from then on.
        </Alert>
      ) : (
        <Alert tone="info">Approved; it completes shortly as its end has passed.</Alert>
      );
    case 'paused':
      return (
        <Alert
          tone="warning"
          title={campaign.pausedBy === 'admin' ? 'Paused by an administrator' : 'Paused'}
        >
          {campaign.pausedBy === 'admin'
            ? `${campaign.pauseReason ? `Reason: ${campaign.pauseReason} ` : ''}Contact support to resume it.`
            : 'Streamers do not show it until you resume it.'}
        </Alert>
      );
    case 'completed':
      return (
        <Alert tone="info" title="Completed">
          It completed {campaign.completedAt ? <LocalTime date={campaign.completedAt} /> : null}
          {campaign.completedReason
            ? ` because ${completionReasonLabels[campaign.completedReason]}`
            : ''}
          .{campaign.closedByAdminReason ? ` Reason: ${campaign.closedByAdminReason}` : ''}
        </Alert>
      );
    case 'cancelled':
      return (
        <Alert tone="info">
          {campaign.cancelledBy === 'admin' ? 'Cancelled by an administrator' : 'Cancelled'}.
          {campaign.closedByAdminReason ? ` Reason: ${campaign.closedByAdminReason}` : ''} Nothing
          more is spent on it.
        </Alert>
      );
  }
}

/** A campaign goes to review only with an uploaded creative that moderation approved: say where it stands. */
function CreativeRequirement({ creative, campaignId }: { creative: ChosenCreative; campaignId: string }) {
  const edit = (
    <a href={`/campaigns/${campaignId}/edit`} className="font-medium underline">
      Edit the campaign
    </a>
  );
  if (!creative.assetId) {
    return (
      <Alert tone="warning" title="Upload the creative">
        This campaign’s creative was set before uploads. {edit} to upload it, then submit.
      </Alert>
    );
  }
  if (creative.moderation === 'pending') {
    return (
      <Alert tone="info" title="Creative waiting for moderation">
        A moderator checks every new creative, usually within a day. You can submit the campaign once it is approved.
      </Alert>
    );
  }
  if (creative.moderation === 'rejected') {
    return (
      <Alert tone="error" title="Creative rejected by moderation">
        {creative.moderationReason ? `${creative.moderationReason} ` : ''}
        {edit} to choose another creative.
      </Alert>
    );
  }
  return null;
}

/** When it runs; a campaign that completed before its planned end shows when it really ended. */
function RunDates({ campaign }: { campaign: Campaign }) {
  const endedEarly =
    campaign.completedAt !== null && campaign.completedAt.getTime() < campaign.endsAt.getTime();
  return (
    <span data-testid="campaign-run-dates">
      <LocalTime date={campaign.startsAt} /> –{' '}
      {endedEarly ? (
        <>
          ended <LocalTime date={campaign.completedAt!} /> (planned until{' '}
          <LocalTime date={campaign.endsAt} />)
        </>
      ) : (
        <LocalTime date={campaign.endsAt} />
      )}
    </span>
  );
}

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { id } = await params;
  const { saved } = await searchParams;
  const api = await portal.sessionApi();
  const campaign = await api.campaign.get.query({ campaignId: id }).catch((error: unknown) => {
    const code =
      error instanceof TRPCClientError
        ? (error.data as { code?: string } | undefined)?.code
        : undefined;
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') notFound();
    throw error;
  });
  // Submitting needs a verified company: say so before the brand reaches the Submit button.
  const submittable = campaign.allowedActions.includes('submit');
  const [brand, asset] = await Promise.all([
    submittable ? api.brand.me.query() : null,
    // Submitting also needs the creative approved by moderation: its upload says where it stands.
    campaign.creative.assetId ? api.asset.get.query({ assetId: campaign.creative.assetId }).catch(() => null) : null,
  ]);
  const creative = chosenFromCampaign(campaign, asset);
  const savedMessage = saved === 'created' || saved === 'updated' ? savedText[saved] : null;

  return (
    <portal.Shell>
      <p className="mb-2 text-sm">
        <a href="/campaigns" className="text-brand-700 hover:underline">
          ← All campaigns
        </a>
      </p>
      <PageHeader
        title={campaign.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <CampaignStatusBadge status={campaign.status} />
            <RunDates campaign={campaign} />
          </span>
        }
        actions={
          <ButtonLink href={`/campaigns/${campaign.id}/analytics`} variant="secondary">
            Analytics
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        {savedMessage ? <Alert tone="success">{savedMessage}</Alert> : null}
        <StatusNote campaign={campaign} />
        {brand ? <VerificationRequirement status={brand.verification.status} /> : null}
        {submittable ? <CreativeRequirement creative={creative} campaignId={campaign.id} /> : null}
        {campaign.approvedAt ? (
          <CreativeHealthNote campaignId={campaign.id} />
        ) : null}
        <CampaignActions
          campaignId={campaign.id}
          allowed={campaign.allowedActions}
          change={changeCampaignStatus}
        />

        <section aria-label="Key figures" className="grid grid-cols-2 gap-4 lg:grid-cols-5">
          <StatCard
            label="Budget"
            value={formatMoney(campaign.budgetCents)}
            hint={`${formatMoney(campaign.remainingBudgetCents)} left`}
            testId="campaign-budget"
          />
          <DeliveryFigures campaign={campaign} />
          <StatCard
            label="Streamers delivering"
            value={formatCount(campaign.activeParticipantCount)}
            hint={
              campaign.maxParticipants
                ? `Limit ${formatCount(campaign.maxParticipants)}, paused streamers included`
                : 'Paused streamers not counted'
            }
            testId="campaign-participants-count"
          />
        </section>

        <BudgetPanel campaign={campaign} />

        <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
          <Card className="space-y-5">
            <div>
              <h2 className="font-semibold text-slate-900">About this campaign</h2>
              <p className="mt-1 text-sm whitespace-pre-line text-slate-600">
                {campaign.description}
              </p>
            </div>
            <CampaignFacts campaign={campaign} />
          </Card>
          <aside className="space-y-3">
            <h2 className="text-sm font-semibold text-slate-700">Creative</h2>
            <div className="flex items-center gap-3" data-testid="campaign-creative">
              <CreativeThumbnail creative={creative} className="w-28" alt={campaign.creative.altText ?? ''} />
              <div className="min-w-0 space-y-1 text-sm">
                <p className="truncate font-medium text-slate-900">
                  {creative.name ?? (creative.type === 'video' ? 'Video' : 'Image')}
                </p>
                <CreativeModerationBadge moderation={creative.moderation} />
              </div>
            </div>
            <h2 className="text-sm font-semibold text-slate-700">Overlay preview</h2>
            <AdCardPreview
              creative={campaign.creative}
              brandName={campaign.brandName ?? 'Your brand'}
              title={campaign.title}
              clickThroughUrl={campaign.clickThroughUrl}
              adDurationSeconds={campaign.frequency.adDurationSeconds}
            />
          </aside>
        </div>

        {campaign.approvedAt ? (
          <section aria-labelledby="participants-heading" className="space-y-3">
            <h2 id="participants-heading" className="text-lg font-semibold text-slate-900">
              Streamers
            </h2>
            <CampaignParticipants
              campaignId={campaign.id}
              ended={campaign.status === 'completed' || campaign.status === 'cancelled'}
            />
          </section>
        ) : null}
      </div>
    </portal.Shell>
  );
}
