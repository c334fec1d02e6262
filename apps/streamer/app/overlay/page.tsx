import { portalUrlsFrom } from '@gametriggers/auth';
import { PageHeader } from '@gametriggers/ui';
import { CreativeFailuresNote } from '../../components/overlay-setup/creative-failures-note';
import { ObsConnectionStatus } from '../../components/overlay-setup/obs-connection-status';
import { OverlayLinkPanel } from '../../components/overlay-setup/overlay-link-panel';
import { OverlaySettingsForm } from '../../components/overlay-setup/overlay-settings-form';
import { RotationPanel } from '../../components/overlay-setup/rotation-panel';
import { portal } from '../../portal';
import { publicPusherSettings } from '@gametriggers/realtime';
import { setOverlayPaused, testFireAd, updateOverlaySettings } from './actions';

export const dynamic = 'force-dynamic';

export default async function OverlayPage() {
  const api = await portal.sessionApi();
  // `get` first: it creates the overlay (and its key) on the first visit.
  const overlay = await api.overlay.get.query();
  // Without the campaign service the preview fails; the rest of the page still works.
  const preview = await api.overlay.preview.query().catch((error: unknown) => {
    console.error('overlay preview failed', error);
    return null;
  });
  // Analytics down: no warning rather than no page.
  const creativeFailures = await api.analytics.myCreativeFailures.query().catch(() => []);
  const selection = preview?.selection;
  const sample =
    preview?.ads.find(
      (ad) => selection?.kind === 'show' && ad.participationId === selection.participationId,
    ) ?? preview?.ads[0];

  return (
    <portal.Shell>
      <PageHeader
        title="Overlay"
        description="Your sponsors’ ads in OBS: one link, your settings, and a check of what shows next."
      />
      <div className="max-w-6xl space-y-6">
        <CreativeFailuresNote failures={creativeFailures} ads={preview?.ads ?? []} />
        <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
          <OverlayLinkPanel
            portalUrl={portalUrlsFrom(process.env).streamer}
            initialKey={overlay.key}
            keyPrefix={overlay.keyPrefix}
            keyGeneratedAt={overlay.keyGeneratedAt}
          />
          <RotationPanel
            paused={overlay.settings.paused}
            preview={preview}
            setPaused={setOverlayPaused}
            testFire={testFireAd}
            obsConnection={
              <ObsConnectionStatus pusher={publicPusherSettings()} streamerId={overlay.streamerId} />
            }
          />
        </div>
        <OverlaySettingsForm
          settings={overlay.settings}
          sample={sample}
          save={updateOverlaySettings}
        />
      </div>
    </portal.Shell>
  );
}
