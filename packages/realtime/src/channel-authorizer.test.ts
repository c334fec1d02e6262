import { describe, expect, it } from 'vitest';
import { createChannelAuthorizer } from './channel-authorizer';
import { isSubscriptionAuthorized } from './server/subscription-auth';

const config = { appId: '1', key: 'key', secret: 'secret', host: 'localhost', useTLS: false };
const authorizer = createChannelAuthorizer(config);
const app = { id: '1', key: 'key', secret: 'secret' };
const streamer = { id: 'u1', info: { kind: 'portal' as const, name: 'Ada' } };
const allowAll = { mayAccess: () => true };

describe('respondToAuthRequest', () => {
  it('signs an overlay channel from the form body pusher-js posts', async () => {
    const response = await authorizer.respondToAuthRequest('socket_id=1.2&channel_name=private-overlay-o1', allowAll);
    expect(response.status).toBe(200);
    const auth = response.status === 200 ? response.body.auth : undefined;
    expect(isSubscriptionAuthorized(app, { socketId: '1.2', channel: 'private-overlay-o1', auth })).toBe(true);
  });

  it('signs the presence member it is given, for a parsed body', async () => {
    const response = await authorizer.respondToAuthRequest(
      { socket_id: '1.2', channel_name: 'presence-streamer-s1' },
      { ...allowAll, user: streamer },
    );
    expect(response).toMatchObject({ status: 200, body: { channel_data: JSON.stringify({ user_id: 'u1', user_info: streamer.info }) } });
  });

  it('answers 403 when the app refuses access, or a presence channel has no user', async () => {
    await expect(
      authorizer.respondToAuthRequest('socket_id=1.2&channel_name=private-overlay-o1', { mayAccess: () => false }),
    ).resolves.toEqual({ status: 403, body: { error: 'Not allowed to subscribe to private-overlay-o1' } });
    await expect(authorizer.respondToAuthRequest('socket_id=1.2&channel_name=presence-streamer-s1', allowAll)).resolves.toMatchObject({
      status: 403,
    });
  });

  it('answers 400 to a malformed socket id or a channel outside the catalogue', async () => {
    await expect(authorizer.respondToAuthRequest('socket_id=abc&channel_name=private-overlay-o1', allowAll)).resolves.toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('socket_id') as unknown },
    });
    await expect(authorizer.respondToAuthRequest('socket_id=1.2&channel_name=private-x', allowAll)).resolves.toEqual({
      status: 400,
      body: { error: '"private-x" is not a channel in the realtime catalogue' },
    });
  });
});
