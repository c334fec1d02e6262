// node --test apps/streamer/overlay-client: the page script, run against a recording stand-in for
// pusher-js and the few browser globals it touches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import vm from 'node:vm';

const here = import.meta.dirname;
const coreSource = readFileSync(path.join(here, 'overlay-core.js'), 'utf8');
const pageSource = readFileSync(path.join(here, 'overlay-page.js'), 'utf8');

/** Runs overlay-page.js with `config` and returns what it asked of pusher-js. */
function runPage(config) {
  const clients = [];
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
      return { bind() {} };
    }
  }
  const element = (text) => ({ textContent: text, appendChild() {}, style: {} });
  const context = {
    Pusher: RecordingPusher,
    document: {
      getElementById: (id) => (id === 'gt-overlay-config' ? element(JSON.stringify(config)) : element('')),
      createElement: () => element(''),
    },
    window: { addEventListener() {} },
    localStorage: { getItem: () => null, setItem() {} },
    fetch: () => Promise.reject(new Error('offline')),
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
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
  return clients[0];
}

const config = {
  key: `gto_${'k'.repeat(43)}`,
  overlayId: '11111111-2222-4333-8444-555555555555',
  streamerId: '99999999-2222-4333-8444-555555555555',
  authUrl: 'http://gateway.test/overlay/realtime-auth',
  ingestUrl: 'http://gateway.test/ingest',
  pusher: { key: 'app-key', host: '127.0.0.1', port: 6001, useTLS: false },
};

describe('overlay page', () => {
  it('joins its own overlay channel and its streamer’s presence channel, authorized with its key', () => {
    const pusher = runPage(config);
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
    assert.deepEqual(runPage(older).subscribed, [`private-overlay-${config.overlayId}`]);
  });
});
