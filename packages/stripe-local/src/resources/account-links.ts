import { invalidRequest } from '../errors';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { StripeObject } from '../store';
import { connectedAccount } from './accounts';

/** An onboarding link, kept server-side under an id so the hosted page can find it. */
export interface AccountLink extends StripeObject {
  object: 'account_link';
  account: string;
  expires_at: number;
  refresh_url: string;
  return_url: string;
  url: string;
  used: boolean;
}

/** Stripe's account links last a few minutes and open once. */
const LINK_LIFETIME_SECONDS = 300;

function create({ world, params }: ApiRequest) {
  const account = connectedAccount(world, params.requiredString('account'));
  const type = params.requiredString('type');
  if (type !== 'account_onboarding' && type !== 'account_update') {
    throw invalidRequest(`Invalid type: must be one of account_onboarding or account_update`, { param: 'type' });
  }
  const refreshUrl = params.requiredString('refresh_url');
  const returnUrl = params.requiredString('return_url');
  const created = world.clock.nowSeconds();
  const id = world.ids.next('acctlink');
  const link = world.store.insert<AccountLink>(
    {
      id,
      object: 'account_link',
      account: account.id,
      created,
      expires_at: created + LINK_LIFETIME_SECONDS,
      refresh_url: refreshUrl,
      return_url: returnUrl,
      url: `${world.publicUrl}/connect/onboard/${id}`,
      used: false,
    },
    null,
  );
  return { object: 'account_link', created: link.created, expires_at: link.expires_at, url: link.url };
}

export const accountLinkRoutes = [route('POST', '/v1/account_links', create)];
