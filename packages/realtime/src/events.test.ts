import { describe, expect, it } from 'vitest';
import { overlayChannel, streamerPresenceChannel } from './channels';
import { parseRealtimeEvent, RealtimeEventError } from './events';

const adShow = {
  adId: 'ad-1',
  participationId: 'p-1',
  campaignId: 'c-1',
  brandName: 'Acme Energy',
  title: 'Clutch moments',
  creative: { type: 'image', url: 'https://cdn.example.com/ad.png', altText: 'A can of soda' },
  durationSeconds: 15,
  clickText: '!sponsor',
  clickUrl: 'https://gt.example.com/r/abc',
  shownAt: '2025-01-01T12:00:00.000Z',
};

describe('the realtime event catalogue', () => {
  it('accepts an ad.show that matches its schema', () => {
    expect(parseRealtimeEvent(overlayChannel('o1'), 'ad.show', adShow)).toEqual(adShow);
  });

  it('refuses a bad payload with a message naming the field', () => {
    const bad = { ...adShow, creative: { type: 'gif', url: 'not a url' } };
    expect(() => parseRealtimeEvent(overlayChannel('o1'), 'ad.show', bad)).toThrow(RealtimeEventError);
    expect(() => parseRealtimeEvent(overlayChannel('o1'), 'ad.show', bad)).toThrow(/creative\.type[\s\S]*creative\.url/);
  });

  it('refuses an ad.show that does not name its brand, which the overlay must disclose', () => {
    const { brandName: _omitted, ...unnamed } = adShow;
    expect(() => parseRealtimeEvent(overlayChannel('o1'), 'ad.show', unnamed)).toThrow(/brandName/);
  });

  it('refuses an event the channel does not carry', () => {
    expect(() => parseRealtimeEvent(overlayChannel('o1'), 'ad.explode', {})).toThrow(
      '"ad.explode" is not an event of private-overlay-o1 (known: ad.show, ad.hide, overlay.settings)',
    );
    expect(() => parseRealtimeEvent(streamerPresenceChannel('s1'), 'ad.show', adShow)).toThrow(/known: none/);
  });

  it('refuses a channel outside the catalogue', () => {
    expect(() => parseRealtimeEvent('private-somewhere', 'ad.hide', { adId: 'a' })).toThrow(
      '"private-somewhere" is not a channel in the realtime catalogue',
    );
  });

  it('checks overlay settings', () => {
    const settings = {
      corner: 'bottom-right',
      sizePercent: 25,
      opacity: 0.9,
      animation: 'fade',
      showSeconds: 15,
      breakSeconds: 300,
      paused: false,
      updatedAt: '2025-01-01T12:00:00.000Z',
    };
    expect(parseRealtimeEvent(overlayChannel('o1'), 'overlay.settings', settings)).toEqual(settings);
    expect(() => parseRealtimeEvent(overlayChannel('o1'), 'overlay.settings', { ...settings, opacity: 2 })).toThrow(/opacity/);
  });
});
