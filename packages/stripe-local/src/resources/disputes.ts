import { snapshot } from '../changes';
import { invalidRequest } from '../errors';
import { paginate } from '../list';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';
import type { Charge } from './charges';

export interface Dispute extends StripeObject {
  object: 'dispute';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'needs_response' | 'won' | 'lost';
}

const EVIDENCE_DUE_SECONDS = 7 * 24 * 60 * 60;

/**
 * The cardholder disputes `amount` of a charge: the money leaves the account's available
 * balance at once (`charge.dispute.created`, then `charge.dispute.funds_withdrawn`).
 */
export function openDispute(world: World, scope: AccountScope, charge: Charge, amount: number, origin: EventOrigin): Dispute {
  if (charge.status !== 'succeeded') throw invalidRequest(`Charge ${charge.id} did not succeed; it cannot be disputed.`);
  if (charge.disputed) throw invalidRequest(`Charge ${charge.id} is already disputed.`, { code: 'charge_disputed' });
  if (amount > charge.amount) throw invalidRequest(`The dispute amount cannot exceed the charge's ${charge.amount}.`, { param: 'amount' });
  const created = world.clock.nowSeconds();
  const dispute = world.store.insert<Dispute>(
    {
      id: world.ids.next('dp'),
      object: 'dispute',
      amount,
      balance_transactions: [],
      charge: charge.id,
      created,
      currency: charge.currency,
      evidence_details: { due_by: created + EVIDENCE_DUE_SECONDS, has_evidence: false, past_due: false, submission_count: 0 },
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: charge.payment_intent,
      reason: 'fraudulent',
      status: 'needs_response',
    },
    scope,
  );
  charge.disputed = true;
  world.balances.debit(scope, charge.currency, amount);
  world.events.emit('charge.dispute.created', dispute, { account: scope, origin });
  world.events.emit('charge.dispute.funds_withdrawn', dispute, { account: scope, origin });
  return dispute;
}

/** Won: the money comes back (`charge.dispute.funds_reinstated`); lost: it stays gone. Then `charge.dispute.closed`. */
export function closeDispute(world: World, scope: AccountScope, dispute: Dispute, outcome: 'won' | 'lost', origin: EventOrigin): Dispute {
  if (dispute.status !== 'needs_response') {
    throw invalidRequest(`This dispute is already closed (${dispute.status}).`, { code: 'dispute_already_closed' });
  }
  const before = snapshot(dispute);
  dispute.status = outcome;
  if (outcome === 'won') {
    world.balances.credit(scope, dispute.currency, dispute.amount);
    world.events.emit('charge.dispute.funds_reinstated', dispute, { account: scope, origin });
  }
  world.events.emit('charge.dispute.closed', dispute, { account: scope, origin, previousAttributes: { status: before.status } });
  return dispute;
}

export const disputeRoutes = [
  route('GET', '/v1/disputes', ({ world, params, account, path }) => {
    const paymentIntent = params.string('payment_intent');
    const disputes = world.store.all<Dispute>('dispute', account).filter((dispute) => paymentIntent === undefined || dispute.payment_intent === paymentIntent);
    return paginate(disputes, params, path);
  }),
  route('GET', '/v1/disputes/:id', ({ world, account, pathParam }) => world.store.get<Dispute>('dispute', pathParam('id'), account)),
  route('POST', '/v1/disputes/:id/close', ({ world, account, origin, pathParam }) =>
    closeDispute(world, account, world.store.get<Dispute>('dispute', pathParam('id'), account), 'lost', origin),
  ),
];
