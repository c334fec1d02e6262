import { changedFields, snapshot } from '../changes';
import { balanceInsufficient, invalidRequest } from '../errors';
import { paginate } from '../list';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { StripeObject } from '../store';
import { connectedAccount } from './accounts';

export interface Transfer extends StripeObject {
  object: 'transfer';
  amount: number;
  amount_reversed: number;
  currency: string;
  destination: string;
  reversed: boolean;
  metadata: Record<string, string>;
}

export interface TransferReversal extends StripeObject {
  object: 'transfer_reversal';
  amount: number;
  currency: string;
  transfer: string;
}

/** Moves money from the platform's available balance to a connected account's (`transfer.created`). */
function create({ world, params, account, origin }: ApiRequest): Transfer {
  if (account !== null) throw invalidRequest('Transfers are made by the platform; do not send Stripe-Account.');
  const amount = params.requiredAmount('amount');
  const currency = params.currency();
  const destination = connectedAccount(world, params.requiredString('destination'), 'destination');
  if (destination.capabilities.transfers !== 'active') {
    throw invalidRequest(
      `Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments`,
      { param: 'destination', code: 'insufficient_capabilities_for_transfer' },
    );
  }
  const available = world.balances.availableOf(null, currency);
  if (available < amount) {
    throw balanceInsufficient(
      `You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Top-ups. (Available: ${available} ${currency}, requested: ${amount}.)`,
    );
  }
  const id = world.ids.next('tr');
  const transfer = world.store.insert<Transfer>(
    {
      id,
      object: 'transfer',
      amount,
      amount_reversed: 0,
      balance_transaction: null,
      created: world.clock.nowSeconds(),
      currency,
      description: params.string('description') ?? null,
      destination: destination.id,
      destination_payment: null,
      livemode: false,
      metadata: params.metadata(),
      reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
      reversed: false,
      source_transaction: null,
      transfer_group: params.string('transfer_group') ?? null,
    },
    null,
  );
  world.balances.debit(null, currency, amount);
  world.balances.credit(destination.id, currency, amount);
  world.events.emit('transfer.created', transfer, { account: null, origin });
  return transfer;
}

/** Takes back part or all of a transfer from the connected account (`transfer.reversed`). */
function createReversal({ world, params, origin, pathParam }: ApiRequest): TransferReversal {
  const transfer = world.store.get<Transfer>('transfer', pathParam('id'), null);
  const remaining = transfer.amount - transfer.amount_reversed;
  const amount = params.amount('amount') ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(`The reversal amount ${amount} is greater than the transfer's unreversed amount ${remaining}.`, {
      param: 'amount',
      code: 'amount_too_large',
    });
  }
  const reversal = world.store.insert<TransferReversal>(
    {
      id: world.ids.next('trr'),
      object: 'transfer_reversal',
      amount,
      balance_transaction: null,
      created: world.clock.nowSeconds(),
      currency: transfer.currency,
      destination_payment_refund: null,
      metadata: params.metadata(),
      source_refund: null,
      transfer: transfer.id,
    },
    null,
  );
  const before = snapshot(transfer);
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  const reversals = transfer.reversals as { data: unknown[] };
  reversals.data = [snapshot(reversal), ...reversals.data];
  world.balances.debit(transfer.destination, transfer.currency, amount);
  world.balances.credit(null, transfer.currency, amount);
  world.events.emit('transfer.reversed', transfer, { account: null, origin, previousAttributes: changedFields(before, transfer) });
  return reversal;
}

export const transferRoutes = [
  route('POST', '/v1/transfers', create),
  route('GET', '/v1/transfers', ({ world, params, path }) => {
    const destination = params.string('destination');
    const transfers = world.store.all<Transfer>('transfer', null).filter((transfer) => destination === undefined || transfer.destination === destination);
    return paginate(transfers, params, path);
  }),
  route('GET', '/v1/transfers/:id', ({ world, pathParam }) => world.store.get<Transfer>('transfer', pathParam('id'), null)),
  route('POST', '/v1/transfers/:id', ({ world, params, pathParam }) => {
    const transfer = world.store.get<Transfer>('transfer', pathParam('id'), null);
    transfer.metadata = params.metadata(transfer.metadata);
    return transfer;
  }),
  route('POST', '/v1/transfers/:id/reversals', createReversal),
  route('GET', '/v1/transfers/:id/reversals', ({ world, params, path, pathParam }) => {
    const transfer = world.store.get<Transfer>('transfer', pathParam('id'), null);
    const reversals = world.store.all<TransferReversal>('transfer_reversal', null).filter((reversal) => reversal.transfer === transfer.id);
    return paginate(reversals, params, path);
  }),
];
