import { Alert } from '@gametriggers/ui';
import { portal } from '../../portal';
import { LocalTime } from './local-time';

/**
 * "Creative not loading": overlays reported that the campaign's creative failed to load lately, so
 * viewers saw the card's fallback (brand, title, link) instead. Nothing when all is well, or when
 * analytics cannot be asked (the rest of the page still shows).
 */
export async function CreativeHealthNote({ campaignId }: { campaignId: string }) {
  const api = await portal.sessionApi();
  const health = await api.analytics.campaignCreativeHealth.query({ campaignId }).catch(() => null);
  if (!health?.lastFailedAt || health.failingStreams === 0) return null;
  const streams = health.failingStreams === 1 ? 'one stream' : `${health.failingStreams} streams`;
  return (
    <div data-testid="creative-not-loading">
      <Alert tone="error" title="Creative not loading">
        On {streams} your creative did not load, so viewers saw the fallback card with your brand,
        title and link instead. Last seen <LocalTime date={health.lastFailedAt} />. Their viewers’
        networks may block the file; if it keeps happening, contact support.
      </Alert>
    </div>
  );
}
