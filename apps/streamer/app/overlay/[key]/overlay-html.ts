import { AD_CARD_CSS } from '@gametriggers/ui/ad-card';
import type { PublicPusherSettings } from '@gametriggers/realtime';

export interface OverlayPageConfig {
  key: string;
  overlayId: string;
  /** The page joins `presence-streamer-<streamerId>`, so the portal sees the overlay connected. */
  streamerId: string;
  settings?: unknown;
  authUrl: string;
  ingestUrl: string;
  pusher: PublicPusherSettings;
}

// Transparent for OBS, nothing to scroll; the card draws itself (the shared ad card's stylesheet).
const styles = `html,body{margin:0;padding:0;background:transparent;overflow:hidden;width:100%;height:100%}
#gt-stage{position:fixed;inset:0;pointer-events:none}
${AD_CARD_CSS}`;

/** JSON inside a <script> element: nothing in it can close the element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function overlayPageHtml(config: OverlayPageConfig, scripts: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<link rel="icon" href="data:,"><title>Gametriggers overlay</title><style>${styles}</style></head>
<body><div id="gt-stage" data-testid="overlay-stage"></div>
<script id="gt-overlay-config" type="application/json">${scriptSafeJson(config)}</script>
<script>${scripts}</script></body></html>`;
}

/**
 * What OBS gets for an unknown key: an empty transparent page (OBS shows nothing), or, when the
 * overlay service could not be asked, the same page reloading itself until it can.
 */
export function blankOverlayHtml(retryAfterSeconds?: number): string {
  const refresh = retryAfterSeconds
    ? `<meta http-equiv="refresh" content="${retryAfterSeconds}">`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">${refresh}
<title>Gametriggers overlay</title><style>html,body{background:transparent;margin:0}</style></head>
<body></body></html>`;
}
