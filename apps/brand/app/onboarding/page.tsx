import { PageHeader } from '@gametriggers/ui';
import { redirect } from 'next/navigation';
import { portal } from '../../portal';
import { onboardBrand } from './actions';
import { OnboardingWizard } from './onboarding-wizard';

export const dynamic = 'force-dynamic';

export default async function OnboardingPage() {
  const api = await portal.sessionApi();
  if (await api.brand.me.query()) redirect('/profile');
  return (
    <portal.Shell>
      <PageHeader
        title="Set up your company"
        description="Five short steps. Once your profile exists you can request verification and plan campaigns."
      />
      <OnboardingWizard onboard={onboardBrand} />
    </portal.Shell>
  );
}
