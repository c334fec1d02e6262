import type { PaymentDeps } from '../deps';

/**
 * Development and tests, where no signing secrets are configured: the service registers its own
 * two endpoints on the (local) Stripe and keeps the secrets it is given. Endpoints an earlier run
 * registered at the same URLs are deleted first: their secrets died with that run, and Stripe would
 * keep retrying deliveries signed with them. Production configures the endpoints in Stripe's
 * dashboard and passes their secrets in the environment.
 */
export async function registerWebhookEndpoints(deps: PaymentDeps, baseUrl: string): Promise<void> {
  const base = baseUrl.replace(/\/$/, '');
  const urls = { platform: `${base}/webhooks/stripe`, connect: `${base}/webhooks/stripe/connect` };
  for await (const endpoint of deps.stripe.webhookEndpoints.list({ limit: 100 })) {
    if (endpoint.url === urls.platform || endpoint.url === urls.connect) await deps.stripe.webhookEndpoints.del(endpoint.id);
  }
  const platform = await deps.stripe.webhookEndpoints.create({ url: urls.platform, enabled_events: ['*'] });
  const connect = await deps.stripe.webhookEndpoints.create({ url: urls.connect, enabled_events: ['*'], connect: true });
  deps.flows.webhookSecrets.platform = platform.secret ?? '';
  deps.flows.webhookSecrets.connect = connect.secret ?? '';
}
