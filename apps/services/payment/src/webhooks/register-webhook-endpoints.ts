import type { PaymentDeps } from '../deps';

/**
 * Development and tests, where no signing secrets are configured: the service registers its own
 * two endpoints on the (local) Stripe and keeps the secrets it is given. Production configures the
 * endpoints in Stripe's dashboard and passes their secrets in the environment.
 */
export async function registerWebhookEndpoints(deps: PaymentDeps, baseUrl: string): Promise<void> {
  const base = baseUrl.replace(/\/$/, '');
  const platform = await deps.stripe.webhookEndpoints.create({ url: `${base}/webhooks/stripe`, enabled_events: ['*'] });
  const connect = await deps.stripe.webhookEndpoints.create({ url: `${base}/webhooks/stripe/connect`, enabled_events: ['*'], connect: true });
  deps.flows.webhookSecrets.platform = platform.secret ?? '';
  deps.flows.webhookSecrets.connect = connect.secret ?? '';
}
