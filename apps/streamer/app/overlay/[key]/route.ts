import { blankOverlayHtml, overlayPageHtml } from './overlay-html';
import { overlayScripts } from './overlay-scripts';
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

function pusherFromEnv() {
  const port = process.env.PUSHER_PORT ? Number(process.env.PUSHER_PORT) : undefined;
  const host = process.env.PUSHER_HOST;
  return {
    key: process.env.PUSHER_KEY ?? '',
    ...(process.env.PUSHER_CLUSTER ? { cluster: process.env.PUSHER_CLUSTER } : {}),
    ...(host ? { host } : {}),
    ...(port ? { port } : {}),
    // As in realtimeConfigFromEnv: TLS unless told otherwise, except for a self-hosted server.
    useTLS: process.env.PUSHER_USE_TLS ? process.env.PUSHER_USE_TLS === 'true' : !host,
  };
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
      settings: overlay.settings,
      authUrl: `${gateway}/overlay/realtime-auth`,
      ingestUrl: `${gateway}/ingest`,
      pusher: pusherFromEnv(),
    },
    overlayScripts(),
  );
  return html(page, 200);
}
