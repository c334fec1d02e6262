import { TRPCClientError } from '@gametriggers/api';
import { Alert, ButtonLink, PageHeader } from '@gametriggers/ui';
import { notFound } from 'next/navigation';
import { requireOnboardedBrand } from '../../../../components/brand-profile';
import { draftOf } from '../../../../components/campaigns/campaign-draft';
import { chosenFromCampaign } from '../../../../components/campaigns/creative-choice';
import { CampaignWizard } from '../../../../components/campaigns/campaign-wizard';
import { statusLabel } from '../../../../components/campaigns/formatting';
import { portal } from '../../../../portal';
import { updateCampaign } from '../../actions';

export const dynamic = 'force-dynamic';

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const brand = await requireOnboardedBrand();
  const api = await portal.sessionApi();
  const campaign = await api.campaign.get.query({ campaignId: id }).catch((error: unknown) => {
    const code =
      error instanceof TRPCClientError
        ? (error.data as { code?: string } | undefined)?.code
        : undefined;
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') notFound();
    throw error;
  });
  const live = campaign.status === 'active' || campaign.status === 'paused';
  // The upload's moderation, for the creative step (the form works without it).
  const asset = campaign.creative.assetId
    ? await api.asset.get.query({ assetId: campaign.creative.assetId }).catch(() => null)
    : null;

  return (
    <portal.Shell>
      <p className="mb-2 text-sm">
        <a href={`/campaigns/${campaign.id}`} className="text-brand-700 hover:underline">
          ← {campaign.title}
        </a>
      </p>
      <PageHeader
        title="Edit campaign"
        description={
          campaign.status === 'rejected'
            ? 'Saving returns it to draft; submit it again afterwards.'
            : undefined
        }
      />
      {campaign.allowedActions.includes('edit') ? (
        <CampaignWizard
          initial={draftOf(campaign)}
          initialCreative={chosenFromCampaign(campaign, asset)}
          schedule={{ startsAt: campaign.startsAt, endsAt: campaign.endsAt }}
          brandName={campaign.brandName ?? brand.companyInfo.name}
          live={live}
          verificationStatus={brand.verification.status}
          submitLabel="Save changes"
          save={updateCampaign.bind(null, campaign.id, live)}
        />
      ) : (
        <div className="space-y-4" data-testid="campaign-not-editable">
          <Alert tone="info" title={`${statusLabel(campaign.status)} campaigns cannot be edited`}>
            {campaign.status === 'pending_review'
              ? 'It is being reviewed; you can edit it again after the decision.'
              : 'It has ended; create a new campaign instead.'}
          </Alert>
          <ButtonLink href={`/campaigns/${campaign.id}`} variant="secondary">
            Back to the campaign
          </ButtonLink>
        </div>
      )}
    </portal.Shell>
  );
}
