import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApi } from './api';
import type { LocalUploadThingContext } from './context';
import { createFileServing } from './file-serving';
import { discardBody, HttpError, sendError, sendJson } from './http-io';
import { createIngest } from './ingest';
import type { RouteCallbacks } from './route-callbacks';

const DISCARD_LIMIT_BYTES = 1024 * 1024;

/** The browser PUTs and HEADs presigned URLs itself, from the portal's origin. */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, PUT, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Range, Content-Type, x-uploadthing-version, traceparent, b3',
  'Access-Control-Expose-Headers': 'x-ut-range-start',
  'Access-Control-Max-Age': '600',
};

/** One port for the ingest, the `/v6` API and the file host. */
export function createRequestListener(context: LocalUploadThingContext, callbacks: RouteCallbacks) {
  const ingest = createIngest(context, callbacks);
  const api = createApi(context);
  const serveFile = createFileServing(context);

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://local-uploadthing').pathname;
    const segments = path.split('/').slice(1).map(decodeURIComponent);
    const reading = method === 'GET' || method === 'HEAD';
    if (method === 'OPTIONS') return void response.writeHead(204).end();
    if (path === '/' || path === '/health') return sendJson(response, 200, { ok: true, service: 'local-uploadthing' });
    if (method === 'POST' && path === '/route-metadata') return ingest.registerRouteMetadata(request, response);
    if (method === 'POST' && path === '/callback-result') return ingest.receiveCallbackResult(request, response);
    if (segments[0] === 'v6' && segments.length === 2) return api(request, response, segments[1] ?? '');
    if (reading && segments[0] === 'f' && segments.length === 2) return serveFile(request, response, segments[1] ?? '');
    if (reading && segments[0] === 'a' && segments.length === 3 && segments[1] === context.appId) {
      return serveFile(request, response, segments[2] ?? '');
    }
    if (method === 'HEAD' && segments.length === 1) return ingest.headUpload(request, response, segments[0] ?? '');
    if (method === 'PUT' && segments.length === 1) return ingest.putUpload(request, response, segments[0] ?? '');
    throw new HttpError(404, `Nothing lives at ${method} ${path}`);
  }

  return async function listen(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
    try {
      await route(request, response);
    } catch (error) {
      if (response.headersSent) return void response.destroy();
      await discardBody(request, response, DISCARD_LIMIT_BYTES).catch(() => undefined);
      if (error instanceof HttpError) sendError(response, error.status, error.message);
      else sendError(response, 500, error instanceof Error ? error.message : 'Unexpected error');
    }
  };
}
