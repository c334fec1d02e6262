import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortalSession } from '../server';
import { createRealtimeAuthRoute } from './realtime-auth-route';

// The session comes from the cookie in a real request; here the test decides who is signed in.
let signedIn: PortalSession | null = null;
vi.mock('../server', () => ({
  portalSession: () => Promise.resolve(signedIn),
  sessionRevoked: () => Promise.resolve(false),
}));

const ada = 'a1b2c3d4-0000-4000-8000-000000000001';
const bob = 'a1b2c3d4-0000-4000-8000-000000000002';
const sessionOf = (id: string, role: 'brand' | 'streamer' | 'admin' = 'brand'): PortalSession => ({
  user: { id, email: `${id}@example.test`, name: 'Ada', role, permissions: [] },
  accessToken: 'token',
  expires: new Date(Date.now() + 60_000).toISOString(),
});

// Signing is local HMAC: no Pusher server is needed to see what the route answers.
const env = () => ({
  PUSHER_APP_ID: 'test-app',
  PUSHER_KEY: 'test-key',
  PUSHER_SECRET: 'test-secret',
  PUSHER_HOST: '127.0.0.1',
  PUSHER_PORT: '6001',
});
const POST = createRealtimeAuthRoute({ authOptions: () => ({ providers: [], secret: 'x' }), env });

function authRequest(channel: string, fetchSite = 'same-origin') {
  return new Request('http://localhost:3001/api/realtime/auth', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': fetchSite },
    body: new URLSearchParams({ socket_id: '123.456', channel_name: channel }).toString(),
  });
}

describe('a portal’s realtime channel auth', () => {
  beforeEach(() => {
    signedIn = sessionOf(ada);
  });

  it('signs the signed-in person’s own user channel', async () => {
    const response = await POST(authRequest(`private-user-${ada}`));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { auth: string };
    expect(body.auth).toMatch(/^test-key:[0-9a-f]{64}$/);
  });

  it('refuses another person’s user channel, and any other channel', async () => {
    expect((await POST(authRequest(`private-user-${bob}`))).status).toBe(403);
    expect((await POST(authRequest(`presence-streamer-${ada}`))).status).toBe(403);
    expect((await POST(authRequest(`private-overlay-${ada}`))).status).toBe(403);
  });

  it('refuses when nobody is signed in, and a page of another site', async () => {
    expect((await POST(authRequest(`private-user-${ada}`, 'cross-site'))).status).toBe(403);
    signedIn = null;
    expect((await POST(authRequest(`private-user-${ada}`))).status).toBe(401);
  });
});
