import { PageHeader } from '@gametriggers/ui';
import { BrandSetupBanner, requireOnboardedBrand } from '../../../components/brand-profile';
import { emptyDraft } from '../../../components/campaigns/campaign-draft';
import { CampaignWizard } from '../../../components/campaigns/campaign-wizard';
import { portal } from '../../../portal';
import { createCampaign } from '../actions';

export const dynamic = 'force-dynamic';

export default async function NewCampaignPage() {
  const brand = await requireOnboardedBrand();
  return (
    <portal.Shell>
      <BrandSetupBanner />
      <PageHeader
        title="New campaign"
        description="Saved as a draft; submit it for review when you are ready."
      />
      <CampaignWizard
        initial={emptyDraft()}
        brandName={brand.companyInfo.name}
        submitLabel="Save draft"
        save={createCampaign}
      />
    </portal.Shell>
  );
}
