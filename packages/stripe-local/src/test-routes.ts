import { z } from 'zod';
import { advanceClock } from './clock-advance';
import { invalidRequest, resourceMissing, StripeApiError, unknownRoute } from './errors';
import type { RequestGate } from './request-gate';
import type { CheckoutSession } from './resources/checkout-sessions';
import { payCheckoutSession } from './resources/checkout-payment';
import type { Charge } from './resources/charges';
import type { Dispute } from './resources/disputes';
import { closeDispute, openDispute } from './resources/disputes';
import type { PaymentIntent } from './resources/payment-intents';
import type { Payout } from './resources/payouts';
import { failPayout } from './resources/payouts';
import type { Refund } from './resources/refunds';
import { failRefund } from './resources/refunds';
import type { StripeEvent } from './events';
import type { AccountScope } from './store';
import type { World } from './world';

export interface TestRouteReply {
  status: number;
  body: unknown;
}

const eventIdBody = z.object({ event_id: z.string().min(1) });
const accountField = { account: z.string().min(1).optional() };

/**
 * `/_test/…`: what a test (or a developer) makes happen that Stripe does on its own or through
 * its dashboard — deliveries replayed, duplicated or reordered, disputes, failed payouts and
 * refunds, time passing, a checkout paid without a browser. JSON in, JSON out.
 */
export function createTestRoutes(world: World, gate: RequestGate) {
  const event = (id: string): StripeEvent => {
    const found = world.store.byId(id);
    if (found?.object !== 'event') throw resourceMissing('event', id, 'event_id');
    return found as StripeEvent;
  };

  const routes: { method: string; pattern: RegExp; handle: (body: unknown, match: RegExpExecArray) => unknown }[] = [
    {
      method: 'POST',
      pattern: /^\/_test\/webhooks\/redeliver$/,
      handle: (body) => {
        world.webhooks.redeliver(event(eventIdBody.parse(body).event_id), 1);
        return { redelivered: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/webhooks\/duplicate$/,
      handle: (body) => {
        world.webhooks.redeliver(event(eventIdBody.parse(body).event_id), 2);
        return { duplicated: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/webhooks\/pause$/,
      handle: () => {
        world.webhooks.pause();
        return { paused: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/webhooks\/resume$/,
      handle: (body) => {
        const { order } = z.object({ order: z.enum(['fifo', 'reverse']).default('fifo') }).parse(body ?? {});
        return { released: world.webhooks.resume(order) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/disputes$/,
      handle: (body) => {
        const input = z.object({ payment_intent: z.string().min(1), amount: z.number().int().positive().optional(), ...accountField }).parse(body);
        const scope = input.account ?? null;
        const intent = world.store.get<PaymentIntent>('payment_intent', input.payment_intent, scope, 'payment_intent');
        if (!intent.latest_charge) throw invalidRequest(`PaymentIntent ${intent.id} has no charge to dispute.`, { param: 'payment_intent' });
        const charge = world.store.get<Charge>('charge', intent.latest_charge, scope);
        return openDispute(world, scope, charge, input.amount ?? charge.amount, null);
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/disputes\/([^/]+)\/close$/,
      handle: (body, match) => {
        const input = z.object({ status: z.enum(['won', 'lost']), ...accountField }).parse(body);
        const scope = input.account ?? null;
        return closeDispute(world, scope, world.store.get<Dispute>('dispute', match[1] ?? '', scope), input.status, null);
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/payouts\/([^/]+)\/fail$/,
      handle: (body, match) => {
        const scope = z.object(accountField).parse(body ?? {}).account ?? null;
        return failPayout(world, scope, world.store.get<Payout>('payout', match[1] ?? '', scope), null);
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/refunds\/([^/]+)\/fail$/,
      handle: (body, match) => {
        const scope = z.object(accountField).parse(body ?? {}).account ?? null;
        return failRefund(world, scope, world.store.get<Refund>('refund', match[1] ?? '', scope), null);
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/clock\/advance$/,
      handle: (body) => {
        const { seconds, signatures } = z
          .object({ seconds: z.number().int().positive(), signatures: z.boolean().default(false) })
          .parse(body);
        return { now: advanceClock(world, seconds, { signatures }) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/pay$/,
      handle: (body) => {
        const input = z
          .object({ checkout_session: z.string().min(1), card: z.string().min(1), authenticate: z.boolean().default(true), ...accountField })
          .parse(body);
        const scope: AccountScope = input.account ?? null;
        const session = world.store.get<CheckoutSession>('checkout.session', input.checkout_session, scope, 'checkout_session');
        const result = payCheckoutSession(world, scope, session, { number: input.card }, input.authenticate);
        if (result.kind === 'refused') throw new StripeApiError(402, { type: 'card_error', code: result.code, message: result.message });
        if (result.kind === 'requires_authentication') {
          throw new StripeApiError(402, { type: 'card_error', code: 'authentication_required', message: 'The card asks the cardholder to authenticate.' });
        }
        return result.session;
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/requests\/hold$/,
      handle: () => {
        gate.hold();
        return { held: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_test\/requests\/release$/,
      handle: () => {
        gate.release();
        return { held: false };
      },
    },
    {
      method: 'GET',
      pattern: /^\/_test\/events$/,
      handle: () => ({ object: 'list', data: world.events.all(), has_more: false, url: '/_test/events' }),
    },
  ];

  return function answer(method: string, path: string, rawBody: string): TestRouteReply {
    try {
      for (const candidate of routes) {
        const match = candidate.method === method ? candidate.pattern.exec(path) : null;
        if (match) return { status: 200, body: candidate.handle(parseJson(rawBody), match) };
      }
      throw unknownRoute(method, path);
    } catch (error) {
      if (error instanceof StripeApiError) return { status: error.status, body: { error: error.body } };
      if (error instanceof z.ZodError) {
        return { status: 400, body: { error: { type: 'invalid_request_error', message: z.prettifyError(error) } } };
      }
      throw error;
    }
  };
}

function parseJson(rawBody: string): unknown {
  if (rawBody.trim() === '') return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    throw invalidRequest('The test routes take a JSON body.');
  }
}
