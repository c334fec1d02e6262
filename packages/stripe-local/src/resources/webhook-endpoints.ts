import { invalidRequest } from '../errors';
import { paginate } from '../list';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { StripeObject } from '../store';
import type { World } from '../world';

export interface WebhookEndpoint extends StripeObject {
  object: 'webhook_endpoint';
  url: string;
  enabled_events: string[];
  status: 'enabled' | 'disabled';
  metadata: Record<string, string>;
}

function checkedUrl(url: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw invalidRequest(`Invalid URL: ${url}`, { param: 'url', code: 'url_invalid' });
  return url;
}

function enabledEvents(request: ApiRequest): string[] {
  const events = request.params.strings('enabled_events');
  if (events.length === 0) throw invalidRequest('Missing required param: enabled_events.', { param: 'enabled_events', code: 'parameter_missing' });
  return events;
}

export interface NewWebhookEndpoint {
  url: string;
  enabledEvents: string[];
  connect: boolean;
  /** A fixed signing secret (endpoints configured at start); otherwise one is made. */
  secret?: string;
  description?: string | null;
  metadata?: Record<string, string>;
  apiVersion?: string | null;
}

/** Stores and registers an endpoint; returns it with its signing `secret`. */
export function registerWebhookEndpoint(world: World, fields: NewWebhookEndpoint): WebhookEndpoint & { secret: string } {
  const id = world.ids.next('we');
  const secret = fields.secret ?? `whsec_${world.ids.secret(`webhook:${id}`)}`;
  const endpoint = world.store.insert<WebhookEndpoint>(
    {
      id,
      object: 'webhook_endpoint',
      api_version: fields.apiVersion ?? null,
      application: null,
      created: world.clock.nowSeconds(),
      description: fields.description ?? null,
      enabled_events: fields.enabledEvents,
      livemode: false,
      metadata: fields.metadata ?? {},
      status: 'enabled',
      url: fields.url,
    },
    null,
  );
  world.webhooks.register({ id, url: fields.url, secret, connect: fields.connect, enabledEvents: fields.enabledEvents, disabled: false });
  return { ...endpoint, secret };
}

/** Only this answer carries the endpoint's signing `secret`. */
function create(request: ApiRequest) {
  const { world, params } = request;
  return registerWebhookEndpoint(world, {
    url: checkedUrl(params.requiredString('url')),
    enabledEvents: enabledEvents(request),
    connect: params.boolean('connect') ?? false,
    description: params.string('description') ?? null,
    metadata: params.metadata(),
    apiVersion: params.string('api_version') ?? null,
  });
}

function update(request: ApiRequest): WebhookEndpoint {
  const { world, params, pathParam } = request;
  const endpoint = world.store.get<WebhookEndpoint>('webhook_endpoint', pathParam('id'), null);
  const registration = world.webhooks.endpoint(endpoint.id);
  if (!registration) throw invalidRequest(`No such webhook endpoint: '${endpoint.id}'`);
  const url = params.string('url');
  if (url !== undefined) registration.url = endpoint.url = checkedUrl(url);
  if (params.has('enabled_events')) registration.enabledEvents = endpoint.enabled_events = enabledEvents(request);
  const disabled = params.boolean('disabled');
  if (disabled !== undefined) {
    registration.disabled = disabled;
    endpoint.status = disabled ? 'disabled' : 'enabled';
  }
  endpoint.metadata = params.metadata(endpoint.metadata);
  return endpoint;
}

export const webhookEndpointRoutes = [
  route('POST', '/v1/webhook_endpoints', create),
  route('GET', '/v1/webhook_endpoints', ({ world, params, path }) => paginate(world.store.all<WebhookEndpoint>('webhook_endpoint', null), params, path)),
  route('GET', '/v1/webhook_endpoints/:id', ({ world, pathParam }) => world.store.get<WebhookEndpoint>('webhook_endpoint', pathParam('id'), null)),
  route('POST', '/v1/webhook_endpoints/:id', update),
  route('DELETE', '/v1/webhook_endpoints/:id', ({ world, pathParam }) => {
    const endpoint = world.store.get<WebhookEndpoint>('webhook_endpoint', pathParam('id'), null);
    world.store.remove(endpoint.id);
    world.webhooks.remove(endpoint.id);
    return { id: endpoint.id, object: 'webhook_endpoint', deleted: true };
  }),
];
