import { snapshot } from '../changes';
import { balanceInsufficient, invalidRequest } from '../errors';
import { paginate } from '../list';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';
import { connectedAccount } from './accounts';

export interface Payout extends StripeObject {
  object: 'payout';
  amount: number;
  currency: string;
  arrival_date: number;
  status: 'pending' | 'paid' | 'failed' | 'canceled';
  failure_code: string | null;
  failure_message: string | null;
}

/** A payout reaches the bank (and turns `paid`) this long after it was made. */
export const PAYOUT_ARRIVAL_SECONDS = 2 * 24 * 60 * 60;

/** Sends available funds to the account's bank (`payout.created`; `payout.paid` on arrival). */
function create({ world, params, account, origin }: ApiRequest): Payout {
  if (account !== null && !connectedAccount(world, account).payouts_enabled) {
    throw invalidRequest('Payouts are not enabled for this account: it has not finished onboarding.', { code: 'payouts_not_allowed' });
  }
  const amount = params.requiredAmount('amount');
  const currency = params.currency();
  const available = world.balances.availableOf(account, currency);
  if (available < amount) {
    throw balanceInsufficient(
      `You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. (Available: ${available} ${currency}, requested: ${amount}.)`,
    );
  }
  const created = world.clock.nowSeconds();
  const payout = world.store.insert<Payout>(
    {
      id: world.ids.next('po'),
      object: 'payout',
      amount,
      arrival_date: created + PAYOUT_ARRIVAL_SECONDS,
      automatic: false,
      balance_transaction: null,
      created,
      currency,
      description: params.string('description') ?? null,
      destination: `ba_${world.ids.secret(`bank:${account ?? 'platform'}`).slice(0, 24)}`,
      failure_code: null,
      failure_message: null,
      livemode: false,
      metadata: params.metadata(),
      method: params.oneOf('method', ['standard', 'instant'] as const) ?? 'standard',
      source_type: 'card',
      statement_descriptor: params.string('statement_descriptor') ?? null,
      status: 'pending',
      type: 'bank_account',
    },
    account,
  );
  world.balances.debit(account, currency, amount);
  world.events.emit('payout.created', payout, { account, origin });
  return payout;
}

/** Payouts whose arrival date the clock has passed turn `paid` (`payout.paid`). */
export function settleArrivedPayouts(world: World): void {
  const now = world.clock.nowSeconds();
  for (const { object: payout, scope } of world.store.everywhere<Payout>('payout')) {
    if (payout.status !== 'pending' || payout.arrival_date > now) continue;
    payout.status = 'paid';
    world.events.emit('payout.paid', payout, { account: scope, origin: null, previousAttributes: { status: 'pending' } });
  }
}

/** The bank refused the payout (a test route): the money returns to the balance, `payout.failed`. */
export function failPayout(world: World, scope: AccountScope, payout: Payout, origin: EventOrigin): Payout {
  if (payout.status !== 'pending') {
    throw invalidRequest(`Payout ${payout.id} has status ${payout.status}; only a pending payout can fail.`);
  }
  const before = snapshot(payout);
  payout.status = 'failed';
  payout.failure_code = 'account_closed';
  payout.failure_message = 'The bank account has been closed.';
  world.balances.credit(scope, payout.currency, payout.amount);
  world.events.emit('payout.failed', payout, {
    account: scope,
    origin,
    previousAttributes: { status: before.status, failure_code: null, failure_message: null },
  });
  return payout;
}

function cancel({ world, account, origin, pathParam }: ApiRequest): Payout {
  const payout = world.store.get<Payout>('payout', pathParam('id'), account);
  if (payout.status !== 'pending') {
    throw invalidRequest(`Payout ${payout.id} has status ${payout.status}; only a pending payout can be canceled.`);
  }
  payout.status = 'canceled';
  world.balances.credit(account, payout.currency, payout.amount);
  world.events.emit('payout.canceled', payout, { account, origin, previousAttributes: { status: 'pending' } });
  return payout;
}

export const payoutRoutes = [
  route('POST', '/v1/payouts', create),
  route('GET', '/v1/payouts', ({ world, params, account, path }) => {
    const status = params.string('status');
    const payouts = world.store.all<Payout>('payout', account).filter((payout) => status === undefined || payout.status === status);
    return paginate(payouts, params, path);
  }),
  route('GET', '/v1/payouts/:id', ({ world, account, pathParam }) => world.store.get<Payout>('payout', pathParam('id'), account)),
  route('POST', '/v1/payouts/:id/cancel', cancel),
];
