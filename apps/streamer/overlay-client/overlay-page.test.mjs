// node --test apps/streamer/overlay-client: the page script, run against a recording stand-in for
// pusher-js and the few browser globals it touches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';

const here = import.meta.dirname;
const coreSource = readFileSync(path.join(here, 'overlay-core.js'), 'utf8');
const pageSource = readFileSync(path.join(here, 'overlay-page.js'), 'utf8');
const adCard = await import('@gametriggers/ui/ad-card');

/** A recording stand-in for the few DOM nodes the page and the ad card touch. */
class FakeElement {
  constructor(tag, text = '') {
    this.tagName = tag.toUpperCase();
    this.children = [];
    this.attributes = {};
    this.listeners = {};
    this.style = {};
    this.className = '';
    this.textContent = text;
    this.parentNode = null;
  }
  get firstChild() {
    return this.children[0] ?? null;
  }
  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }
  getAttribute(name) {
    return this.attributes[name] ?? null;
  }
  appendChild(child) {
    child.parentNode = this;
    this.children.push(child);
    return child;
  }
  removeChild(child) {
    this.children = this.children.filter((node) => node !== child);
    child.parentNode = null;
  }
  addEventListener(type, listener) {
    (this.listeners[type] ??= []).push(listener);
  }
  fire(type) {
    for (const listener of this.listeners[type] ?? []) listener();
  }
  find(predicate) {
    if (predicate(this)) return this;
    for (const child of this.children) {
      const found = child.find(predicate);
      if (found) return found;
    }
    return null;
  }
}

/**
 * Runs overlay-page.js with `config` and returns what it asked of pusher-js, its stage, the
 * channel events it listens to and what it keeps for analytics. Timers never fire by themselves.
 */
function runPage(config) {
  const clients = [];
  const handlers = {};
  class RecordingPusher {
    constructor(key, options) {
      this.key = key;
      this.options = options;
      this.subscribed = [];
      this.connection = { bind() {} };
      clients.push(this);
    }
    subscribe(name) {
      this.subscribed.push(name);
      return { bind: (event, handler) => (handlers[event] = handler) };
    }
  }
  const stage = new FakeElement('div');
  const stored = {};
  const later = () => 0;
  const context = {
    Pusher: RecordingPusher,
    GametriggersAdCard: adCard,
    document: {
      getElementById: (id) => (id === 'gt-overlay-config' ? new FakeElement('script', JSON.stringify(config)) : stage),
      createElement: (tag) => new FakeElement(tag),
    },
    window: { addEventListener() {} },
    localStorage: { getItem: (name) => stored[name] ?? null, setItem: (name, value) => (stored[name] = value) },
    fetch: () => Promise.reject(new Error('offline')),
    setTimeout: later,
    clearTimeout() {},
    setInterval: later,
    clearInterval() {},
    Math,
    JSON,
    Object,
    Date,
    Number,
    crypto: globalThis.crypto,
  };
  context.self = context;
  context.globalThis = context;
  vm.createContext(context);
  vm.runInContext(coreSource, context);
  vm.runInContext(pageSource, context);
  assert.equal(clients.length, 1, 'one pusher-js client');
  const reports = () => JSON.parse(stored[`gt-overlay-reports:${config.overlayId}`] ?? '[]');
  return { pusher: clients[0], stage, handlers, reports };
}

const config = {
  key: `gto_${'k'.repeat(43)}`,
  overlayId: '11111111-2222-4333-8444-555555555555',
  streamerId: '99999999-2222-4333-8444-555555555555',
  authUrl: 'http://gateway.test/overlay/realtime-auth',
  ingestUrl: 'http://gateway.test/ingest',
  pusher: { key: 'app-key', host: '127.0.0.1', port: 6001, useTLS: false },
};

const ad = {
  adId: 'a1b2c3d4-0000-4000-8000-000000000001',
  participationId: '22222222-3333-4444-8555-666666666666',
  campaignId: '33333333-4444-4555-8666-777777777777',
  brandName: 'Nova Peripherals',
  title: 'Aim like a pro',
  creative: { type: 'image', url: 'https://cdn.example/missing.png' },
  durationSeconds: 30,
  clickUrl: 'http://localhost:4000/r/geHWIfYd6JQrqtAz',
  shownAt: '2026-11-24T21:00:00.000Z',
  viewers: 340,
};

const byTestId = (id) => (node) => node.getAttribute('data-testid') === id;
const creativeOf = (card) => card.find((node) => node.className === 'gt-creative');

describe('overlay page', () => {
  it('joins its own overlay channel and its streamer’s presence channel, authorized with its key', () => {
    const { pusher } = runPage(config);
    assert.deepEqual(pusher.subscribed, [
      `private-overlay-${config.overlayId}`,
      `presence-streamer-${config.streamerId}`,
    ]);
    assert.equal(pusher.key, 'app-key');
    // Both subscriptions go through the gateway's overlay auth with the key; the page has no session.
    assert.equal(pusher.options.channelAuthorization.endpoint, config.authUrl);
    assert.deepEqual({ ...pusher.options.channelAuthorization.headers }, { 'x-overlay-key': config.key });
    assert.equal(pusher.options.wsHost, '127.0.0.1');
    assert.equal(pusher.options.forceTLS, false);
  });

  it('still shows ads without joining presence when the page was served without a streamer id', () => {
    const { streamerId: _omitted, ...older } = config;
    assert.deepEqual(runPage(older).pusher.subscribed, [`private-overlay-${config.overlayId}`]);
  });

  it('shows the labelled fallback card when the creative fails, and reports the failure and the display', () => {
    const { handlers, stage, reports } = runPage(config);
    handlers['ad.show'](ad);
    const card = stage.children[0];
    assert.equal(card.getAttribute('data-testid'), 'overlay-ad');
    assert.equal(card.getAttribute('data-state'), 'loading');
    assert.equal(card.style.opacity, '0', 'nothing shows while the creative loads');
    creativeOf(card).fire('error');

    assert.equal(card.getAttribute('data-state'), 'fallback');
    assert.equal(card.getAttribute('data-rendered'), 'true');
    assert.equal(card.style.opacity, '1');
    const label = card.find(byTestId('ad-card-label'));
    assert.deepEqual(label.children.map((node) => node.textContent), ['Sponsored', ' ', 'Nova Peripherals']);
    assert.equal(card.find(byTestId('ad-card-fallback')).children[1].textContent, 'Aim like a pro');
    assert.equal(card.find(byTestId('overlay-qr')).src, '/overlay/qr/geHWIfYd6JQrqtAz');
    const [failure, start, ...rest] = reports();
    assert.deepEqual(rest, []);
    assert.deepEqual(
      { type: failure.type, adId: failure.adId, participationId: failure.participationId, campaignId: failure.campaignId },
      { type: 'creative_failed', adId: ad.adId, participationId: ad.participationId, campaignId: ad.campaignId },
    );
    assert.equal(start.type, 'display_start');
  });

  it('reports a display and no failure when the creative loads', () => {
    const { handlers, stage, reports } = runPage(config);
    handlers['ad.show']({ ...ad, creative: { type: 'image', url: 'https://cdn.example/ok.png' } });
    creativeOf(stage.children[0]).fire('load');
    assert.equal(stage.children[0].getAttribute('data-state'), 'creative');
    assert.deepEqual(reports().map((report) => report.type), ['display_start']);
  });

  it('reports nothing for a creative that fails after its ad was hidden', () => {
    const { handlers, stage, reports } = runPage(config);
    handlers['ad.show'](ad);
    const card = stage.children[0];
    handlers['ad.hide']({ adId: ad.adId });
    creativeOf(card).fire('error');
    assert.deepEqual(reports(), []);
  });
});
