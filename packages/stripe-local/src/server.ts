import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiCall, ApiReply } from './api';
import type { PageAnswer } from './pages/checkout-page';
import { showCheckoutPage, submitCheckoutPage } from './pages/checkout-page';
import { notFoundPage } from './pages/layout';
import { showOnboardingPage, submitOnboardingPage } from './pages/onboarding-page';
import type { TestRouteReply } from './test-routes';
import type { World } from './world';

const MAX_BODY_BYTES = 1024 * 1024;

/** One port: the `/v1` API, the `/_test` routes, the hosted pages and a health check. */
export function createRequestListener(
  world: World,
  api: (call: ApiCall) => Promise<ApiReply>,
  testRoutes: (method: string, path: string, body: string) => TestRouteReply,
) {
  return async function listen(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? '/', 'http://local-stripe');
      const method = request.method ?? 'GET';
      const body = await readBody(request);
      if (url.pathname.startsWith('/v1/')) {
        const reply = await api({ method, path: url.pathname, query: url.search.slice(1), headers: request.headers, body });
        response.writeHead(reply.status, reply.headers).end(reply.body);
        return;
      }
      if (url.pathname.startsWith('/_test/')) {
        const reply = testRoutes(method, url.pathname, body);
        response.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply.body));
        return;
      }
      if (url.pathname === '/' || url.pathname === '/health') {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, service: 'local-stripe' }));
        return;
      }
      sendPage(response, servePage(world, method, url.pathname, body));
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({ error: { type: 'api_error', message: error instanceof Error ? error.message : 'Unexpected error' } }),
      );
    }
  };
}

function servePage(world: World, method: string, path: string, body: string): PageAnswer {
  const checkout = /^\/pay\/([^/]+)$/.exec(path)?.[1];
  if (checkout !== undefined) {
    const id = decodeURIComponent(checkout);
    return method === 'POST' ? submitCheckoutPage(world, id, new URLSearchParams(body)) : showCheckoutPage(world, id);
  }
  const onboarding = /^\/connect\/onboard\/([^/]+)$/.exec(path)?.[1];
  if (onboarding !== undefined) {
    const id = decodeURIComponent(onboarding);
    return method === 'POST' ? submitOnboardingPage(world, id) : showOnboardingPage(world, id);
  }
  return notFoundPage(`Nothing lives at ${path}.`);
}

function sendPage(response: ServerResponse, answer: PageAnswer): void {
  if ('redirect' in answer) {
    response.writeHead(303, { Location: answer.redirect }).end();
    return;
  }
  response.writeHead(answer.status, { 'Content-Type': 'text/html; charset=utf-8' }).end(answer.html);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
