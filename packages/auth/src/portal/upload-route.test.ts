import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortalSession } from '../server';
import { createUploadRoute } from './upload-route';

// The session comes from the cookie in a real request; here the test decides who is signed in.
let signedIn: PortalSession | null = null;
vi.mock('../server', () => ({ portalSession: () => Promise.resolve(signedIn) }));

const brand: PortalSession = {
  user: { id: 'a1b2c3d4-0000-4000-8000-000000000001', email: 'ada@example.test', name: 'Ada', role: 'brand', permissions: [] },
  accessToken: 'access-token-of-ada',
  expires: new Date(Date.now() + 60_000).toISOString(),
};

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

function routeWithGateway(answer: () => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const route = createUploadRoute({
    authOptions: () => ({ providers: [], secret: 'x' }),
    gatewayUrl: () => 'http://gateway.test:4000',
    fetch: async (input, init) => {
      seen.push({
        url: input instanceof URL ? input.href : (input as string),
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
        body: init?.body ? new TextDecoder().decode(init.body as ArrayBuffer) : '',
      });
      return answer();
    },
  });
  return { route, seen };
}

const claim = JSON.stringify({ files: [{ name: 'ad.png', size: 1234, type: 'image/png' }] });
const uploadRequest = (headers: Record<string, string> = {}, body = claim) =>
  new Request('http://localhost:3001/api/uploadthing?actionType=upload&slug=campaignCreative', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-uploadthing-version': '7.7.4', 'sec-fetch-site': 'same-origin', cookie: 'session=abc', ...headers },
    body,
  });

describe('a portal’s upload route', () => {
  beforeEach(() => {
    signedIn = brand;
  });

  it('sends the claim on to the gateway as the signed-in person, and their answer back', async () => {
    const { route, seen } = routeWithGateway(() => Response.json([{ url: 'http://store/put', key: 'k1' }], { status: 200 }));
    const response = await route.POST(uploadRequest());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ url: 'http://store/put', key: 'k1' }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('http://gateway.test:4000/api/uploadthing?actionType=upload&slug=campaignCreative');
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.body).toBe(claim);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer access-token-of-ada');
    expect(seen[0]!.headers.get('x-uploadthing-version')).toBe('7.7.4');
    // The browser's cookies stay in the portal.
    expect(seen[0]!.headers.get('cookie')).toBeNull();
  });

  it('passes the route configuration read (GET) and a refusal with its status', async () => {
    const { route, seen } = routeWithGateway(() => Response.json({ message: 'Only brand accounts can upload this.' }, { status: 403 }));
    const response = await route.GET(new Request('http://localhost:3001/api/uploadthing', { headers: { 'sec-fetch-site': 'same-origin' } }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Only brand accounts can upload this.' });
    expect(seen[0]!.method).toBe('GET');
  });

  it('refuses nobody signed in, another site’s page and an oversized claim, without asking the gateway', async () => {
    const { route, seen } = routeWithGateway(() => Response.json({}));
    expect((await route.POST(uploadRequest({ 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await route.POST(uploadRequest({}, 'x'.repeat(70 * 1024)))).status).toBe(413);
    signedIn = null;
    expect((await route.POST(uploadRequest())).status).toBe(401);
    expect(seen).toHaveLength(0);
  });

  it('answers 503 when the gateway cannot be reached', async () => {
    const { route } = routeWithGateway(() => Promise.reject(new TypeError('fetch failed')));
    const response = await route.POST(uploadRequest());
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'Uploads are unavailable right now. Try again in a moment.' });
  });
});
