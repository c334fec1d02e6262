import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelAuthorizer } from '@gametriggers/realtime';
import type { PlainRoute } from '@gametriggers/trpc';
import type { OverlayDeps } from '../domain/deps';
import { resolveOverlayKey } from '../domain/overlays';

export const OVERLAY_KEY_HEADER = 'x-overlay-key';
const MAX_AUTH_BODY_BYTES = 4_096;

// The overlay page runs in OBS from another origin and sends its key in a header.
const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': `content-type, ${OVERLAY_KEY_HEADER}`,
  'access-control-max-age': '600',
};

function send(res: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...corsHeaders, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_AUTH_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `POST /realtime/auth` for the overlay page (no sign-in): pusher-js posts `socket_id` and
 * `channel_name`, the page sends its overlay key in `x-overlay-key`. Signed: that overlay's own
 * channel, and its streamer's presence channel as member `overlay-<overlayId>` (kind `overlay`), so
 * the streamer's portal sees whether OBS has the overlay open.
 */
export function overlayChannelAuthRoute(deps: OverlayDeps, authorizer: ChannelAuthorizer): PlainRoute {
  return async (req, res) => {
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, { error: 'Request too large' });
    const key = req.headers[OVERLAY_KEY_HEADER];
    const overlay = typeof key === 'string' && key.length > 0 && key.length <= 200 ? await resolveOverlayKey(deps, key) : null;
    if (!overlay) return send(res, 403, { error: 'Unknown overlay key: copy the overlay URL from your portal again' });
    const { status, body: answer } = await authorizer.respondToAuthRequest(body, {
      user: { id: `overlay-${overlay.overlayId}`, info: { kind: 'overlay' } },
      // Its own overlay channel and its streamer's presence; never a person's private channel.
      mayAccess: (channel) =>
        (channel.kind === 'overlay' && channel.overlayId === overlay.overlayId) ||
        (channel.kind === 'streamerPresence' && channel.streamerId === overlay.streamerId),
    });
    send(res, status, answer);
  };
}

export const overlayChannelAuthPreflight: PlainRoute = (_req, res) => {
  res.writeHead(204, corsHeaders);
  res.end();
};
