import type PusherClient from 'pusher-js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createChannelAuthorizer } from './channel-authorizer';
import { overlayChannel } from './channels';
import { connectRealtime, subscribeTyped } from './client';
import type { AdShow } from './events';
import { createRealtimePublisher } from './publisher';
import type { PusherStandIn } from './server';
import { serverSdk, standInRealtimeConfig, startTestStandIn } from './testing/stand-in-kit';

let standIn: PusherStandIn;
let overlay: PusherClient;

const adShow: AdShow = {
  adId: 'ad-1',
  participationId: 'p-1',
  campaignId: 'c-1',
  brandName: 'Acme Energy',
  title: 'Clutch moments',
  creative: { type: 'video', url: 'https://cdn.example.com/ad.mp4' },
  durationSeconds: 15,
  shownAt: new Date().toISOString(),
};

beforeEach(async () => {
  standIn = await startTestStandIn();
  const config = standInRealtimeConfig(standIn);
  const authorizer = createChannelAuthorizer(config);
  // The overlay authorizes through the same framework-free function the apps' endpoint will call.
  overlay = connectRealtime({
    key: config.key,
    host: standIn.wsHost,
    port: standIn.wsPort,
    useTLS: false,
    authorizer: async ({ socketId, channelName }) => {
      const response = await authorizer.respondToAuthRequest(
        new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
        { mayAccess: (channel) => channel.kind === 'overlay' && channel.overlayId === 'o1' },
      );
      if (response.status !== 200) throw new Error(response.body.error);
      return response.body;
    },
  });
});

afterEach(async () => {
  overlay.disconnect();
  await standIn.close();
});

function subscribeOverlay(overlayId: string) {
  const shown: AdShow[] = [];
  const invalid: Error[] = [];
  return new Promise<{ shown: AdShow[]; invalid: Error[]; failed?: unknown }>((resolve) => {
    subscribeTyped(
      overlay,
      overlayChannel(overlayId),
      { 'ad.show': (payload) => shown.push(payload) },
      {
        onSubscribed: () => resolve({ shown, invalid }),
        onSubscriptionError: (failed) => resolve({ shown, invalid, failed }),
        onInvalidEvent: (error) => invalid.push(error),
      },
    );
  });
}

it('publishes a checked ad.show that the overlay receives typed', async () => {
  const { shown } = await subscribeOverlay('o1');
  await createRealtimePublisher(standInRealtimeConfig(standIn)).publish(overlayChannel('o1'), 'ad.show', adShow);
  await expect.poll(() => shown).toEqual([adShow]);
});

it('refuses to publish a payload outside the catalogue', async () => {
  const publisher = createRealtimePublisher(standInRealtimeConfig(standIn));
  const bad = { ...adShow, durationSeconds: -1 };
  await expect(publisher.publish(overlayChannel('o1'), 'ad.show', bad)).rejects.toThrow(/durationSeconds/);
});

it('drops and reports a received payload that does not match the catalogue', async () => {
  const { shown, invalid } = await subscribeOverlay('o1');
  await serverSdk(standIn).trigger(overlayChannel('o1'), 'ad.show', { adId: 'ad-1' });
  await expect.poll(() => invalid.length).toBe(1);
  expect(invalid[0]?.message).toMatch(/Invalid ad.show payload/);
  expect(shown).toEqual([]);
});

it('does not authorize an overlay channel the app says the user may not access', async () => {
  const { failed } = await subscribeOverlay('someone-elses');
  expect(failed).toMatchObject({ type: 'AuthError', error: 'Not allowed to subscribe to private-overlay-someone-elses' });
});
