import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createChannelAuthorizer } from '@gametriggers/realtime';
import { portalPresenceAccess } from './portal-presence-access';
import type { PortalPresenceRequest } from './portal-presence-access';

// Signing is local HMAC: no Pusher server is needed to see what the route would answer.
const authorizer = createChannelAuthorizer({
  appId: 'test-app',
  key: 'test-key',
  secret: 'test-secret',
  host: '127.0.0.1',
  port: 6001,
  useTLS: false,
});
const streamer = { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'Ada Streams', role: 'streamer' };

function memberInfoOf(body: unknown): { kind: string; name?: string } {
  const { channel_data } = body as { channel_data: string };
  return (JSON.parse(channel_data) as { user_info: { kind: string; name?: string } }).user_info;
}

/** What the route answers for this request and channel. */
async function answer(request: PortalPresenceRequest, channel: string) {
  const decision = portalPresenceAccess(request);
  if (decision.kind === 'refuse') return { status: decision.status, body: { error: decision.error } };
  const body = new URLSearchParams({ socket_id: '123.456', channel_name: channel }).toString();
  return authorizer.respondToAuthRequest(body, decision.options);
}

void describe('portal presence channel auth', () => {
  void it('signs the signed-in streamer’s own presence channel as a portal member with their name', async () => {
    const signed = await answer({ user: streamer, fetchSite: 'same-origin' }, `presence-streamer-${streamer.id}`);
    assert.equal(signed.status, 200);
    assert.match(String((signed.body as { auth: string }).auth), /^test-key:[0-9a-f]{64}$/);
    assert.deepEqual(JSON.parse(String((signed.body as { channel_data: string }).channel_data)), {
      user_id: streamer.id,
      user_info: { kind: 'portal', name: 'Ada Streams' },
    });
  });

  void it('answers 401 without a session', async () => {
    assert.equal((await answer({ user: null, fetchSite: 'same-origin' }, `presence-streamer-${streamer.id}`)).status, 401);
    assert.equal((await answer({ user: undefined, fetchSite: null }, `presence-streamer-${streamer.id}`)).status, 401);
  });

  void it('answers 403 for any other channel, another role, or another site’s page', async () => {
    const own = { user: streamer, fetchSite: 'same-origin' };
    assert.equal((await answer(own, 'presence-streamer-someone-else')).status, 403);
    assert.equal((await answer(own, `private-overlay-${streamer.id}`)).status, 403);
    assert.equal((await answer({ user: { ...streamer, role: 'brand' }, fetchSite: 'same-origin' }, `presence-streamer-${streamer.id}`)).status, 403);
    assert.equal((await answer({ user: streamer, fetchSite: 'cross-site' }, `presence-streamer-${streamer.id}`)).status, 403);
    assert.equal((await answer(own, 'not-a-catalogue-channel')).status, 400);
  });

  void it('joins without a name when the streamer has none, and cuts a long one to what the catalogue allows', async () => {
    const nameless = await answer({ user: { ...streamer, name: null }, fetchSite: null }, `presence-streamer-${streamer.id}`);
    assert.deepEqual(memberInfoOf(nameless.body), { kind: 'portal' });
    const long = await answer({ user: { ...streamer, name: 'x'.repeat(300) }, fetchSite: null }, `presence-streamer-${streamer.id}`);
    assert.equal(memberInfoOf(long.body).name?.length, 100);
  });
});
