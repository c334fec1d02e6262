import { PageHeader } from '@gametriggers/ui';
import { redirect } from 'next/navigation';
import { prefilledDrafts } from '../../components/brand-profile/onboarding-draft';
import { portal } from '../../portal';
import { onboardBrand } from './actions';
import { OnboardingWizard } from './onboarding-wizard';

export const dynamic = 'force-dynamic';

export default async function OnboardingPage() {
  const api = await portal.sessionApi();
  if (await api.brand.me.query()) redirect('/profile');
  // A brand signs up with its company name (the landing sign-up asks for it as the name).
  const account = await portal.signedInAccount();
  return (
    <portal.Shell>
      <PageHeader
        title="Set up your company"
        description="Five short steps. Once your profile exists you can request verification and plan campaigns."
      />
      <OnboardingWizard
        onboard={onboardBrand}
        draftOwner={account.id}
        initialDrafts={prefilledDrafts({ companyName: account.name })}
      />
    </portal.Shell>
  );
}
