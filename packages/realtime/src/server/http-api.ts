import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ChannelRegistry } from './channel-registry';
import { channelTypeOf, encodeEvent, isValidChannelName, MAX_EVENT_DATA_BYTES } from './protocol';
import { checkRequestSignature } from './request-signature';
import type { StandInApp } from './stand-in-options';

export interface HostedApp {
  app: StandInApp;
  registry: ChannelRegistry;
  /** Events the HTTP API accepted for this app (one per channel of a multi-channel trigger). */
  triggered: { events: number };
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_BATCH_SIZE = 10;

const channelNameSchema = z.string().refine(isValidChannelName, 'is not a valid channel name');
const socketIdSchema = z.string().regex(/^\d+\.\d+$/, 'must look like "1234.5678"');

const eventSchema = z
  .object({
    name: z.string().min(1).max(200),
    data: z.string(),
    channels: z.array(channelNameSchema).min(1).max(100).optional(),
    channel: channelNameSchema.optional(),
    socket_id: socketIdSchema.optional(),
    info: z.string().optional(),
  })
  .refine((event) => event.channels ?? event.channel, 'either channels or channel is required');

const batchSchema = z.object({
  batch: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        data: z.string(),
        channel: channelNameSchema,
        socket_id: socketIdSchema.optional(),
        info: z.string().optional(),
      }),
    )
    .min(1)
    .max(MAX_BATCH_SIZE),
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The Channels HTTP API under `/apps/:app_id/…`, as the official `pusher` SDK calls it. */
export function createHttpApi(apps: ReadonlyMap<string, HostedApp>) {
  return async function serveHttpApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const body = await routeRequest(apps, request);
      reply(response, 200, body);
    } catch (error) {
      if (error instanceof HttpError) reply(response, error.status, { error: error.message });
      else reply(response, 500, { error: error instanceof Error ? error.message : 'Internal error' });
    }
  };
}

async function routeRequest(apps: ReadonlyMap<string, HostedApp>, request: IncomingMessage): Promise<unknown> {
  const url = new URL(request.url ?? '/', 'http://stand-in');
  const match = /^\/apps\/([^/]+)(\/.*)$/.exec(url.pathname);
  if (!match) throw new HttpError(404, `No such endpoint: ${url.pathname}`);
  const hosted = apps.get(decodeURIComponent(match[1] ?? ''));
  if (!hosted) throw new HttpError(404, `Unknown app id: ${match[1]}`);
  const body = await readBody(request);
  const signature = checkRequestSignature(hosted.app, {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    body,
    nowSeconds: Math.floor(Date.now() / 1000),
  });
  if (!signature.valid) throw new HttpError(401, signature.reason);

  const route = `${request.method} ${match[2]}`;
  const { registry, triggered } = hosted;
  if (route === 'POST /events') return triggerEvent(registry, triggered, parseJson(body, eventSchema));
  if (route === 'POST /batch_events') return triggerBatch(registry, triggered, parseJson(body, batchSchema));
  if (route === 'GET /channels') return listChannels(registry, url.searchParams);
  const channelRoute = /^GET \/channels\/([^/]+)(\/users)?$/.exec(route);
  if (channelRoute) {
    const channel = decodeURIComponent(channelRoute[1] ?? '');
    if (channelRoute[2]) return listUsers(registry, channel);
    return describeChannel(registry, channel, requestedInfo(url.searchParams.get('info')));
  }
  throw new HttpError(404, `No such endpoint: ${request.method} ${url.pathname}`);
}

function triggerEvent(registry: ChannelRegistry, triggered: HostedApp['triggered'], event: z.infer<typeof eventSchema>): unknown {
  assertDataSize(event.data);
  const channels = event.channels ?? (event.channel ? [event.channel] : []);
  triggered.events += channels.length;
  for (const channel of channels) {
    registry.broadcast(channel, encodeEvent({ event: event.name, channel, data: event.data }), event.socket_id);
  }
  const info = requestedInfo(event.info);
  if (info.size === 0) return {};
  return { channels: Object.fromEntries(channels.map((channel) => [channel, channelCounts(registry, channel, info)])) };
}

function triggerBatch(registry: ChannelRegistry, triggered: HostedApp['triggered'], { batch }: z.infer<typeof batchSchema>): unknown {
  for (const event of batch) assertDataSize(event.data);
  triggered.events += batch.length;
  for (const event of batch) {
    const frame = encodeEvent({ event: event.name, channel: event.channel, data: event.data });
    registry.broadcast(event.channel, frame, event.socket_id);
  }
  if (batch.every((event) => !event.info)) return {};
  return { batch: batch.map((event) => channelCounts(registry, event.channel, requestedInfo(event.info))) };
}

function listChannels(registry: ChannelRegistry, query: URLSearchParams): unknown {
  const prefix = query.get('filter_by_prefix') ?? '';
  const info = requestedInfo(query.get('info'));
  if (info.has('user_count') && !prefix.startsWith('presence-')) {
    throw new HttpError(400, 'info=user_count requires filter_by_prefix=presence-');
  }
  const channels = registry.occupiedChannels(prefix);
  return { channels: Object.fromEntries(channels.map((channel) => [channel, channelCounts(registry, channel, info)])) };
}

function describeChannel(registry: ChannelRegistry, channel: string, info: Set<string>): unknown {
  if (info.has('user_count') && channelTypeOf(channel) !== 'presence') {
    throw new HttpError(400, 'info=user_count is only available for presence channels');
  }
  return { occupied: registry.subscriptionCount(channel) > 0, ...channelCounts(registry, channel, info) };
}

function listUsers(registry: ChannelRegistry, channel: string): unknown {
  if (channelTypeOf(channel) !== 'presence') throw new HttpError(400, 'Users can only be listed for presence channels');
  return { users: registry.presence(channel).ids.map((id) => ({ id })) };
}

function channelCounts(registry: ChannelRegistry, channel: string, info: Set<string>) {
  return {
    ...(info.has('subscription_count') ? { subscription_count: registry.subscriptionCount(channel) } : {}),
    ...(info.has('user_count') ? { user_count: registry.userCount(channel) } : {}),
  };
}

function requestedInfo(info: string | null | undefined): Set<string> {
  return new Set((info ?? '').split(',').filter(Boolean));
}

function assertDataSize(data: string): void {
  if (Buffer.byteLength(data) > MAX_EVENT_DATA_BYTES) {
    throw new HttpError(413, `Event data is larger than ${MAX_EVENT_DATA_BYTES} bytes`);
  }
}

function parseJson<T>(body: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, z.prettifyError(parsed.error));
  return parsed.data;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `Body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
