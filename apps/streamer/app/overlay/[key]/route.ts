import { blankOverlayHtml, overlayPageHtml } from './overlay-html';
import { overlayScripts } from './overlay-scripts';
import { publicPusherSettings } from '@gametriggers/realtime';
import { OverlayServiceUnavailable, resolveOverlayKey } from './resolve-overlay-key';

export const dynamic = 'force-dynamic';

const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // The key is in the URL: creatives and anything else the page loads must never see it.
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
  'x-content-type-options': 'nosniff',
};

function html(body: string, status: number) {
  return new Response(body, { status, headers: pageHeaders });
}

/**
 * The OBS browser source: `/overlay/<key>`. Plain HTML with inline scripts rather than a React
 * page, so all the JavaScript it loads is pusher-js and two small files.
 */
export async function GET(_request: Request, context: { params: Promise<{ key: string }> }) {
  const { key } = await context.params;
  let overlay;
  try {
    overlay = await resolveOverlayKey(key);
  } catch (error) {
    if (!(error instanceof OverlayServiceUnavailable)) throw error;
    console.error(error);
    return html(blankOverlayHtml(10), 503);
  }
  if (!overlay) return html(blankOverlayHtml(), 404);
  const gateway = process.env.PUBLIC_GATEWAY_URL ?? process.env.GATEWAY_URL ?? 'http://localhost:4000';
  const page = overlayPageHtml(
    {
      key,
      overlayId: overlay.overlayId,
      streamerId: overlay.streamerId,
      settings: overlay.settings,
      authUrl: `${gateway}/overlay/realtime-auth`,
      ingestUrl: `${gateway}/ingest`,
      pusher: publicPusherSettings(),
    },
    overlayScripts(),
  );
  return html(page, 200);
}
