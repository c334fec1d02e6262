import { PageHeader } from '@gametriggers/ui';
import { requireOnboardedBrand } from '../../../components/brand-profile';
import { emptyDraft } from '../../../components/campaigns/campaign-draft';
import { CampaignWizard } from '../../../components/campaigns/campaign-wizard';
import { portal } from '../../../portal';
import { createCampaign } from '../actions';

export const dynamic = 'force-dynamic';

export default async function NewCampaignPage() {
  const brand = await requireOnboardedBrand();
  // For the cool-off field's hint only: the form works without it.
  const defaults = await (await portal.sessionApi()).campaign.newCampaignDefaults
    .query()
    .catch(() => null);
  return (
    <portal.Shell>
      <PageHeader
        title="New campaign"
        description="Six short steps. It becomes a draft when you save it at the end; then submit it for review when you are ready."
      />
      <CampaignWizard
        initial={emptyDraft()}
        brandName={brand.companyInfo.name}
        verificationStatus={brand.verification.status}
        submitLabel="Save draft"
        save={createCampaign}
        defaultCooloffHours={defaults?.gkeyCooloffHours ?? null}
      />
    </portal.Shell>
  );
}
