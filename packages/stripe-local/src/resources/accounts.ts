import { changedFields, snapshot } from '../changes';
import { invalidRequest, StripeApiError } from '../errors';
import { paginate } from '../list';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { StripeObject } from '../store';
import type { EventOrigin, World } from '../world';

export interface ConnectedAccount extends StripeObject {
  object: 'account';
  type: 'express' | 'custom' | 'standard';
  email: string | null;
  details_submitted: boolean;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  capabilities: Record<string, 'active' | 'inactive' | 'pending'>;
  requirements: { currently_due: string[]; eventually_due: string[]; past_due: string[]; disabled_reason: string | null };
  metadata: Record<string, string>;
}

const ONBOARDING_REQUIREMENTS = ['business_type', 'external_account', 'individual.dob.day', 'individual.first_name', 'tos_acceptance.date'];

function create({ world, params }: ApiRequest): ConnectedAccount {
  const type = params.oneOf('type', ['express', 'custom', 'standard'] as const) ?? 'express';
  const requestedCapabilities = Object.keys(params.object('capabilities')?.values ?? {});
  const capabilities = Object.fromEntries(
    (requestedCapabilities.length > 0 ? requestedCapabilities : ['transfers']).map((name) => [name, 'inactive' as const]),
  );
  return world.store.insert<ConnectedAccount>(
    {
      id: world.ids.next('acct'),
      object: 'account',
      business_profile: { name: null, url: null },
      business_type: params.string('business_type') ?? null,
      capabilities,
      charges_enabled: false,
      country: params.string('country') ?? 'US',
      created: world.clock.nowSeconds(),
      default_currency: 'usd',
      details_submitted: false,
      email: params.string('email') ?? null,
      metadata: params.metadata(),
      payouts_enabled: false,
      requirements: {
        currently_due: ONBOARDING_REQUIREMENTS,
        eventually_due: ONBOARDING_REQUIREMENTS,
        past_due: [],
        disabled_reason: 'requirements.past_due',
      },
      type,
    },
    null,
  );
}

/** The platform's connected account `id` (a 404 naming `param` when there is none). */
export function connectedAccount(world: World, id: string, param = 'account'): ConnectedAccount {
  return world.store.get<ConnectedAccount>('account', id, null, param);
}

/**
 * The onboarding form was completed: details submitted, charges and payouts enabled,
 * capabilities active, and `account.updated` to Connect endpoints.
 */
export function completeOnboarding(world: World, account: ConnectedAccount, origin: EventOrigin): void {
  const before = snapshot(account);
  account.details_submitted = true;
  account.charges_enabled = true;
  account.payouts_enabled = true;
  account.capabilities = Object.fromEntries(Object.keys(account.capabilities).map((name) => [name, 'active' as const]));
  account.requirements = { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null };
  const previous = changedFields(before, account);
  if (Object.keys(previous).length > 0) {
    world.events.emit('account.updated', account, { account: account.id, origin, previousAttributes: previous });
  }
}

function retrieveOwn({ world, account }: ApiRequest): ConnectedAccount {
  if (account === null) throw invalidRequest('The local Stripe has no platform account object; pass Stripe-Account to read a connected account.');
  return connectedAccount(world, account, 'id');
}

function update({ world, params, origin, pathParam }: ApiRequest): ConnectedAccount {
  const account = connectedAccount(world, pathParam('id'), 'id');
  const before = snapshot(account);
  account.metadata = params.metadata(account.metadata);
  const email = params.string('email');
  if (email !== undefined) account.email = email || null;
  const previous = changedFields(before, account);
  if (Object.keys(previous).length > 0) {
    world.events.emit('account.updated', account, { account: account.id, origin, previousAttributes: previous });
  }
  return account;
}

export const accountRoutes = [
  route('POST', '/v1/accounts', (request) => {
    if (request.account !== null) {
      throw new StripeApiError(403, { type: 'invalid_request_error', message: 'A connected account cannot create accounts.' });
    }
    return create(request);
  }),
  route('GET', '/v1/accounts', ({ world, params, path }) => paginate(world.store.all<ConnectedAccount>('account', null), params, path)),
  route('GET', '/v1/accounts/:id', ({ world, pathParam }) => connectedAccount(world, pathParam('id'), 'id')),
  route('POST', '/v1/accounts/:id', update),
  route('GET', '/v1/account', retrieveOwn),
];
