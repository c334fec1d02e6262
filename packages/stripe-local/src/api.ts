import type { IncomingHttpHeaders } from 'node:http';
import { authenticationFailed, errorResponseBody, StripeApiError, unknownRoute } from './errors';
import { expandPaths } from './expand';
import { parseFormBody } from './form-body';
import { IdempotencyKeys } from './idempotency';
import type { RecordedResponse } from './idempotency';
import { Params } from './params';
import type { RequestGate } from './request-gate';
import { accountLinkRoutes } from './resources/account-links';
import { accountRoutes } from './resources/accounts';
import { balanceRoutes } from './resources/balance';
import { chargeRoutes } from './resources/charges';
import { checkoutSessionRoutes } from './resources/checkout-sessions';
import { customerRoutes } from './resources/customers';
import { disputeRoutes } from './resources/disputes';
import { eventRoutes } from './resources/events';
import { paymentIntentRoutes } from './resources/payment-intents';
import { paymentMethodRoutes } from './resources/payment-methods';
import { payoutRoutes } from './resources/payouts';
import { refundRoutes } from './resources/refunds';
import { setupIntentRoutes } from './resources/setup-intents';
import { transferRoutes } from './resources/transfers';
import { webhookEndpointRoutes } from './resources/webhook-endpoints';
import { ApiRouter } from './router';
import type { AccountScope } from './store';
import type { World } from './world';

export interface ApiCall {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ApiReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SECRET_KEY_PATTERN = /^sk_test_[A-Za-z0-9_]+$/;

/** Stripe's `/v1` API: authentication, `Stripe-Account`, idempotency, routing, `expand[]`, errors. */
export function createApi(world: World, gate: RequestGate): (call: ApiCall) => Promise<ApiReply> {
  const router = new ApiRouter([
    ...customerRoutes,
    ...paymentMethodRoutes,
    ...checkoutSessionRoutes,
    ...paymentIntentRoutes,
    ...setupIntentRoutes,
    ...chargeRoutes,
    ...refundRoutes,
    ...disputeRoutes,
    ...accountRoutes,
    ...accountLinkRoutes,
    ...transferRoutes,
    ...payoutRoutes,
    ...balanceRoutes,
    ...eventRoutes,
    ...webhookEndpointRoutes,
  ]);
  const idempotencyKeys = new IdempotencyKeys(() => world.clock.nowSeconds());

  return async function answer(call) {
    const requestId = world.ids.next('req');
    const headers = { 'request-id': requestId, 'Content-Type': 'application/json' };
    const reply = (response: RecordedResponse, extra: Record<string, string> = {}): ApiReply => ({
      status: response.status,
      headers: { ...headers, ...extra },
      body: response.body,
    });
    let finishKey: ((response: RecordedResponse) => void) | undefined;
    try {
      const apiKey = authenticate(call.headers.authorization);
      const account = accountScope(world, call.headers['stripe-account'], apiKey);
      const match = router.match(call.method, call.path);
      if (!match) throw unknownRoute(call.method, call.path);
      const values = parseFormBody(call.method === 'POST' ? call.body : call.query);
      const idempotencyKey = headerValue(call.headers['idempotency-key']);
      if (call.method === 'POST' && idempotencyKey !== undefined) {
        const outcome = idempotencyKeys.begin({ apiKey, account, method: call.method, path: call.path, key: idempotencyKey }, values);
        if (outcome.kind === 'replay') return reply(outcome.response, { 'Idempotent-Replayed': 'true' });
        finishKey = outcome.finish;
        await gate.pass();
      }
      const params = new Params(values);
      const result = match.route.handle({
        world,
        params,
        account,
        origin: { id: requestId, idempotencyKey: idempotencyKey ?? null },
        path: call.path,
        pathParam: (name) => match.pathParams.get(name) ?? '',
      });
      const expand = params.strings('expand');
      const body = JSON.stringify(expand.length > 0 ? expandPaths(result, expand, world.store) : result);
      const response = { status: 200, body };
      finishKey?.(response);
      return reply(response);
    } catch (error) {
      const failure =
        error instanceof StripeApiError
          ? error
          : new StripeApiError(500, { type: 'api_error', message: error instanceof Error ? error.message : 'Unexpected error' });
      const response = { status: failure.status, body: JSON.stringify(errorResponseBody(failure)) };
      finishKey?.(response);
      return reply(response, failure.status >= 500 ? { 'Stripe-Should-Retry': 'false' } : {});
    }
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function authenticate(authorization: string | undefined): string {
  if (!authorization) {
    throw authenticationFailed(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
  const basic = /^Basic\s+(.+)$/i.exec(authorization)?.[1];
  const key = bearer ?? (basic ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0] : undefined);
  if (!key || !SECRET_KEY_PATTERN.test(key)) {
    const shown = key ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : '(none)';
    throw authenticationFailed(`Invalid API Key provided: ${shown}`);
  }
  return key;
}

function accountScope(world: World, header: string | string[] | undefined, apiKey: string): AccountScope {
  const account = headerValue(header);
  if (account === undefined || account === '') return null;
  if (!world.store.find('account', account, null)) {
    throw new StripeApiError(403, {
      type: 'invalid_request_error',
      code: 'account_invalid',
      message: `The provided key '${apiKey.slice(0, 12)}…' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
    });
  }
  return account;
}
