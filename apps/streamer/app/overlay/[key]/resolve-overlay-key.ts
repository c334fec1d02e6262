import { signServiceToken } from './service-token';

export interface OverlayPageTarget {
  overlayId: string;
  streamerId: string;
  /** The realtime `overlay.settings` shape, when the overlay service includes it. */
  settings?: unknown;
}

/** The service could not be asked; the page retries rather than showing "unknown key". */
export class OverlayServiceUnavailable extends Error {}

const overlayKeyPattern = /^[\w-]{16,128}$/;

/**
 * `overlay.internal.resolveKey` over plain HTTP (tRPC query, superjson envelope) with a service
 * token: the overlay for a key, or null for a key that is unknown or was regenerated away.
 */
export async function resolveOverlayKey(key: string): Promise<OverlayPageTarget | null> {
  if (!overlayKeyPattern.test(key)) return null;
  const serviceUrl = process.env.OVERLAY_SERVICE_URL ?? 'http://127.0.0.1:4110';
  const input = encodeURIComponent(JSON.stringify({ json: { key } }));
  let response: Response;
  try {
    response = await fetch(`${serviceUrl}/trpc/overlay.internal.resolveKey?input=${input}`, {
      headers: {
        'x-service-token': signServiceToken(process.env.SERVICE_SECRET ?? '', 'portal-streamer'),
      },
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    });
  } catch (error) {
    throw new OverlayServiceUnavailable('The overlay service did not answer', { cause: error });
  }
  if (!response.ok) {
    throw new OverlayServiceUnavailable(`The overlay service answered ${response.status}`);
  }
  const body = (await response.json()) as {
    result?: { data?: { json?: { overlayId?: unknown; streamerId?: unknown; settings?: unknown } | null } };
  };
  const resolved = body.result?.data?.json;
  if (!resolved || typeof resolved.overlayId !== 'string' || typeof resolved.streamerId !== 'string') return null;
  return { overlayId: resolved.overlayId, streamerId: resolved.streamerId, settings: resolved.settings };
}
