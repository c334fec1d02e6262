import Pusher from 'pusher';
import { describe, expect, it } from 'vitest';
import { isSubscriptionAuthorized } from './subscription-auth';

const app = { id: '42', key: 'key', secret: 'secret' };
const sdk = new Pusher({ appId: app.id, key: app.key, secret: app.secret, host: 'localhost' });
const socketId = '123.456';

describe('isSubscriptionAuthorized', () => {
  it('accepts a private channel signature from the official SDK', () => {
    const { auth } = sdk.authorizeChannel(socketId, 'private-overlay-1');
    expect(isSubscriptionAuthorized(app, { socketId, channel: 'private-overlay-1', auth })).toBe(true);
  });

  it('refuses the signature for another socket or channel', () => {
    const { auth } = sdk.authorizeChannel(socketId, 'private-overlay-1');
    expect(isSubscriptionAuthorized(app, { socketId: '123.457', channel: 'private-overlay-1', auth })).toBe(false);
    expect(isSubscriptionAuthorized(app, { socketId, channel: 'private-overlay-2', auth })).toBe(false);
  });

  it('covers the presence channel_data, so a member cannot change who they are', () => {
    const { auth, channel_data } = sdk.authorizeChannel(socketId, 'presence-streamer-1', { user_id: 'u1', user_info: {} });
    const request = { socketId, channel: 'presence-streamer-1', auth };
    expect(isSubscriptionAuthorized(app, { ...request, channelData: channel_data })).toBe(true);
    expect(isSubscriptionAuthorized(app, { ...request, channelData: '{"user_id":"admin"}' })).toBe(false);
  });

  it('refuses a missing auth, another key, or a signature by another secret', () => {
    const forged = new Pusher({ appId: app.id, key: app.key, secret: 'other', host: 'localhost' });
    const channel = 'private-overlay-1';
    expect(isSubscriptionAuthorized(app, { socketId, channel, auth: undefined })).toBe(false);
    expect(isSubscriptionAuthorized(app, { socketId, channel, auth: `other:${'0'.repeat(64)}` })).toBe(false);
    expect(isSubscriptionAuthorized(app, { socketId, channel, auth: forged.authorizeChannel(socketId, channel).auth })).toBe(
      false,
    );
  });
});
