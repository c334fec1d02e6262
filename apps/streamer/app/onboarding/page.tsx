import { Alert, PageHeader } from '@gametriggers/ui';
import { redirect } from 'next/navigation';
import { PlatformList } from '../../components/streamer-profile';
import { portal } from '../../portal';
import { startPlatformConnect } from '../connect/actions';
import { disconnectPlatform } from '../profile/actions';
import { onboardStreamer } from './actions';
import { OnboardingWizard } from './onboarding-wizard';

export const dynamic = 'force-dynamic';

export default async function OnboardingPage({
  searchParams,
}: {
  searchParams: Promise<{ connected?: string; connectError?: string }>;
}) {
  const api = await portal.sessionApi();
  const [profile, platforms] = await Promise.all([
    api.streamer.me.query(),
    api.streamer.platforms.list.query(),
  ]);
  if (profile) redirect('/profile');
  const { connected, connectError } = await searchParams;
  return (
    <portal.Shell>
      <PageHeader
        title="Set up your streamer profile"
        description="Four short steps. Brands find you by what you stream, where and for how many."
      />
      <OnboardingWizard
        onboard={onboardStreamer}
        connectedPlatforms={platforms.map((platform) => platform.platform)}
        suggestedDisplayName={platforms[0]?.username ?? ''}
        notice={
          connectError ? (
            <div data-testid="connect-error">
              <Alert>{connectError}</Alert>
            </div>
          ) : connected ? (
            <Alert tone="success">
              Connected. Your numbers are in; carry on with your content.
            </Alert>
          ) : null
        }
        platforms={
          <PlatformList
            platforms={platforms}
            returnTo="/onboarding"
            startConnect={startPlatformConnect}
            disconnect={disconnectPlatform}
          />
        }
      />
    </portal.Shell>
  );
}
