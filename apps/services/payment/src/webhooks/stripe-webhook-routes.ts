import type http from 'node:http';
import type { PlainRoute } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type Stripe from 'stripe';
import type { PaymentDeps } from '../deps';
import { BodyTooLargeError, readRawBody } from './raw-body';
import { handleStripeEvent } from './stripe-event-handlers';

/** Stripe's default: a signature older than five minutes is refused (replays of captured requests). */
const SIGNATURE_TOLERANCE_SECONDS = 300;

function reply(res: http.ServerResponse, status: number, body: Record<string, unknown>) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

function webhookRoute(deps: PaymentDeps, endpoint: 'platform' | 'connect'): PlainRoute {
  return async (req, res) => {
    let body: string;
    try {
      body = await readRawBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return reply(res, 413, { error: 'payload_too_large' });
      throw error;
    }
    let event: Stripe.Event;
    try {
      event = deps.stripe.webhooks.constructEvent(
        body,
        String(req.headers['stripe-signature'] ?? ''),
        deps.flows.webhookSecrets[endpoint],
        SIGNATURE_TOLERANCE_SECONDS,
        undefined,
        deps.now().getTime(),
      );
    } catch {
      return reply(res, 400, { error: 'bad_signature', message: 'The Stripe-Signature header does not match this body.' });
    }
    try {
      await handleStripeEvent(deps, event);
    } catch (error) {
      // A rule refused it (nothing was written): retrying cannot help, so Stripe is told it arrived.
      if (error instanceof DomainError) {
        deps.log.warn({ err: error, eventId: event.id, type: event.type }, 'stripe event refused by a rule');
        return reply(res, 200, { received: true, applied: false, reason: error.reason });
      }
      throw error;
    }
    reply(res, 200, { received: true });
  };
}

/** `POST /webhooks/stripe` (platform events) and `POST /webhooks/stripe/connect` (connected accounts'). */
export function stripeWebhookRoutes(deps: PaymentDeps): Record<string, PlainRoute> {
  return {
    'POST /webhooks/stripe': webhookRoute(deps, 'platform'),
    'POST /webhooks/stripe/connect': webhookRoute(deps, 'connect'),
  };
}
