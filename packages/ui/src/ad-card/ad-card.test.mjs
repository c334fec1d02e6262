// node --test packages/ui/src/ad-card: the card over a small recording stand-in for the DOM (the
// real browser is exercised by apps/streamer/overlay-client/browser-check.mjs and the e2e specs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayLink, renderAdCard } from './ad-card.js';

class FakeElement {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.children = [];
    this.attributes = {};
    this.listeners = {};
    this.parentNode = null;
    this.className = '';
    this._text = '';
  }
  get firstChild() {
    return this.children[0] ?? null;
  }
  get textContent() {
    return this._text + this.children.map((child) => child.textContent).join('');
  }
  set textContent(value) {
    this._text = value;
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
    return child;
  }
  addEventListener(type, listener) {
    (this.listeners[type] ??= []).push(listener);
  }
  fire(type) {
    const listeners = this.listeners[type] ?? [];
    this.listeners[type] = [];
    for (const listener of listeners) listener();
  }
  find(predicate) {
    if (predicate(this)) return this;
    for (const child of this.children) {
      const found = child.find(predicate);
      if (found) return found;
    }
    return null;
  }
  byTestId(id) {
    return this.find((node) => node.attributes['data-testid'] === id);
  }
  byClass(name) {
    return this.find((node) => node.className.split(' ').includes(name));
  }
}

const doc = { createElement: (tag) => new FakeElement(tag) };

function fakeTimers() {
  const pending = new Map();
  let next = 1;
  return {
    pending,
    setTimer: (run, ms) => {
      pending.set(next, { run, ms });
      return next++;
    },
    clearTimer: (id) => pending.delete(id),
    fireAll() {
      for (const [id, timer] of [...pending]) {
        pending.delete(id);
        timer.run();
      }
    },
  };
}

const ad = {
  creative: { type: 'image', url: 'https://cdn.example/nova.png', altText: 'Nova Aim Trainer' },
  brandName: 'Nova Peripherals',
  title: 'Aim like a pro',
  clickUrl: 'http://localhost:4000/r/geHWIfYd6JQrqtAz',
  clickText: 'Type !sponsor in chat or scan the code',
};

function render(content = ad, extra = {}) {
  const timers = fakeTimers();
  const events = [];
  const card = renderAdCard(doc, content, {
    qrSrc: '/overlay/qr/geHWIfYd6JQrqtAz',
    testId: 'overlay-ad',
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    onShown: (kind) => events.push(`shown:${kind}`),
    onFailed: (reason) => events.push(`failed:${reason}`),
    ...extra,
  });
  const creative = card.element.byClass('gt-creative');
  return { card, element: card.element, creative, timers, events };
}

describe('the ad card', () => {
  it('labels every card as sponsored with the brand’s name, above the title, link and QR code', () => {
    const { element } = render();
    assert.equal(element.getAttribute('data-testid'), 'overlay-ad');
    assert.equal(element.byTestId('ad-card-label').textContent, 'Sponsored Nova Peripherals');
    assert.equal(element.byClass('gt-title').textContent, 'Aim like a pro');
    assert.equal(element.byTestId('ad-card-link').textContent, 'localhost:4000/r/geHWIfYd6JQrqtAz');
    assert.equal(element.byTestId('overlay-qr').src, '/overlay/qr/geHWIfYd6JQrqtAz');
  });

  it('shows the creative once it loaded, and says so once', () => {
    const { element, creative, timers, events } = render();
    assert.equal(element.getAttribute('data-state'), 'loading');
    assert.equal(creative.tagName, 'IMG');
    assert.equal(creative.src, 'https://cdn.example/nova.png');
    assert.equal(creative.alt, 'Nova Aim Trainer');
    creative.fire('load');
    assert.equal(element.getAttribute('data-state'), 'creative');
    assert.equal(timers.pending.size, 0, 'the load timeout is cleared');
    creative.fire('error');
    assert.deepEqual(events, ['shown:creative']);
  });

  it('falls back to the designed card, still labelled, when the creative errors', () => {
    const { element, creative, events } = render();
    creative.fire('error');
    assert.equal(element.getAttribute('data-state'), 'fallback');
    assert.equal(element.byClass('gt-creative'), null, 'the broken creative is gone');
    const fallback = element.byTestId('ad-card-fallback');
    assert.equal(fallback.byClass('gt-fallback-title').textContent, 'Aim like a pro');
    assert.match(fallback.textContent, /Nova Peripherals/);
    assert.equal(element.byTestId('ad-card-label').textContent, 'Sponsored Nova Peripherals');
    assert.ok(element.byTestId('overlay-qr'), 'the QR code stays');
    assert.deepEqual(events, ['failed:error', 'shown:fallback']);
  });

  it('falls back when the creative has not shown within the timeout', () => {
    const { element, creative, timers, events } = render(ad, { loadTimeoutMs: 4000 });
    assert.deepEqual([...timers.pending.values()].map((timer) => timer.ms), [4000]);
    timers.fireAll();
    assert.equal(element.getAttribute('data-state'), 'fallback');
    creative.fire('load');
    assert.deepEqual(events, ['failed:timeout', 'shown:fallback']);
  });

  it('waits for a video’s first frame', () => {
    const { element, creative, events } = render({ ...ad, creative: { type: 'video', url: 'https://cdn.example/a.webm' } });
    assert.equal(creative.tagName, 'VIDEO');
    assert.equal(creative.muted, true);
    creative.fire('loadeddata');
    assert.equal(element.getAttribute('data-state'), 'creative');
    assert.deepEqual(events, ['shown:creative']);
  });

  it('never tries a creative that is not an http(s) address, on the next turn', () => {
    const { element, timers, events } = render({ ...ad, creative: { type: 'image', url: 'javascript:alert(1)' } });
    assert.equal(element.byClass('gt-creative'), null);
    assert.deepEqual(events, [], 'nothing is reported before the caller holds the card');
    timers.fireAll();
    assert.equal(element.getAttribute('data-state'), 'fallback');
    assert.deepEqual(events, ['failed:invalid_url', 'shown:fallback']);
  });

  it('shows a file from the browser’s memory only in a preview that allows it', () => {
    const local = { ...ad, creative: { type: 'image', url: 'blob:http://localhost:3001/4f1c2d3e' } };
    const overlay = render(local);
    overlay.timers.fireAll();
    assert.deepEqual(overlay.events, ['failed:invalid_url', 'shown:fallback']);
    const preview = render(local, { allowBlobUrls: true });
    assert.equal(preview.creative.src, 'blob:http://localhost:3001/4f1c2d3e');
    preview.creative.fire('load');
    assert.deepEqual(preview.events, ['shown:creative']);
  });

  it('reports nothing once disposed', () => {
    const { card, creative, timers, events } = render();
    card.dispose();
    assert.equal(timers.pending.size, 0);
    creative.fire('error');
    assert.deepEqual(events, []);
  });

  it('has no QR code or link line when there is none to show', () => {
    const { element } = render({ ...ad, clickUrl: undefined, clickText: undefined }, { qrSrc: null });
    assert.equal(element.byTestId('overlay-qr'), null);
    assert.equal(element.byTestId('ad-card-link'), null);
  });
});

describe('display links', () => {
  it('drops the scheme, query and a bare slash', () => {
    assert.equal(displayLink('https://nova.example/'), 'nova.example');
    assert.equal(displayLink('https://go.gametriggers.gg/r/abc123?utm=x#y'), 'go.gametriggers.gg/r/abc123');
    assert.equal(displayLink('javascript:alert(1)'), '');
    assert.equal(displayLink(undefined), '');
  });
});
