import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Refusal } from './error-response';
import type { Domain } from './routes';

export const OVERLAY_KEY_HEADER = 'x-overlay-key';

export interface PublicRoute {
  /** The service that checks the overlay key and answers. */
  service: Domain;
  path: string;
  maxBodyBytes: number;
}

/**
 * Routes an OBS overlay calls with nothing but its overlay key: the key is the credential and the
 * service behind the route checks it. Only POST.
 */
export const publicRoutes: Readonly<Record<string, PublicRoute>> = {
  '/overlay/realtime-auth': { service: 'overlay', path: '/realtime/auth', maxBodyBytes: 8 * 1024 },
  '/ingest': { service: 'analytics', path: '/ingest', maxBodyBytes: 256 * 1024 },
};

/** `/r/<code>`: a participation's tracked short link, answered (302) by the analytics service. */
export const SHORT_LINK_PATTERN = /^\/r\/([^/]{1,64})$/;

/** The service path a short link is forwarded to. */
export const SHORT_LINK_SERVICE_PATH = '/r';

/** What a short link visit passes on: the user agent (bots are not counted), nothing else. */
export const shortLinkHeaders: ReadonlySet<string> = new Set(['user-agent', 'accept-language']);

/** The only request headers a public route passes on; cookies and tokens never reach a service. */
export const publicRouteHeaders: ReadonlySet<string> = new Set([
  'content-type',
  'content-length',
  OVERLAY_KEY_HEADER,
]);

export function publicRouteOf(pathname: string): PublicRoute | undefined {
  return Object.hasOwn(publicRoutes, pathname) ? publicRoutes[pathname] : undefined;
}

const overlayKeyPattern = /^[\w-]{16,128}$/;

/** The overlay key the request carries, refused before any work when missing or malformed. */
export function overlayKeyFrom(headers: IncomingHttpHeaders): string {
  const key = headers[OVERLAY_KEY_HEADER];
  if (typeof key !== 'string' || !overlayKeyPattern.test(key)) {
    throw new Refusal(
      'UNAUTHORIZED',
      'overlay_key_required',
      'This overlay URL is not valid. Copy it again from the streamer portal.',
    );
  }
  return key;
}

/** Rate-limit bucket of an overlay key: a hash prefix, so Redis never holds the secret itself. */
export function overlayKeyBucket(key: string): string {
  return `overlay-key:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/**
 * OBS's browser source sends no Origin (or `null`), and the key, not a cookie, is the credential,
 * so any origin may call these routes. Answers preflights; returns true when answered.
 */
export function applyOpenCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
  if (req.method !== 'OPTIONS') return false;
  res.setHeader('access-control-allow-methods', 'POST, OPTIONS');
  res.setHeader('access-control-allow-headers', `content-type, x-request-id, ${OVERLAY_KEY_HEADER}`);
  res.setHeader('access-control-max-age', '600');
  res.writeHead(204).end();
  return true;
}

/**
 * Stripe's webhook deliveries: signed by Stripe (the payment service checks the signature over the
 * exact bytes, passed through unchanged), no user credential. Only POST.
 */
export const webhookRoutes: Readonly<Record<string, PublicRoute>> = {
  '/webhooks/stripe': { service: 'payment', path: '/webhooks/stripe', maxBodyBytes: 1024 * 1024 },
  '/webhooks/stripe/connect': { service: 'payment', path: '/webhooks/stripe/connect', maxBodyBytes: 1024 * 1024 },
};

/** What a webhook delivery passes on: its body's type and length and Stripe's signature. */
export const webhookRouteHeaders: ReadonlySet<string> = new Set(['content-type', 'content-length', 'stripe-signature', 'user-agent']);

export function webhookRouteOf(pathname: string): PublicRoute | undefined {
  return Object.hasOwn(webhookRoutes, pathname) ? webhookRoutes[pathname] : undefined;
}
