// node --test apps/streamer/overlay-client (the portal has no test runner; node:test needs none).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate } from 'node:timers';
import './overlay-core.js';

const core = globalThis.GametriggersOverlay;

function memoryStorage(initial = {}) {
  const items = { ...initial };
  return { items, getItem: (name) => items[name] ?? null, setItem: (name, value) => (items[name] = value) };
}

/** A queue over fake timers and a scripted server: `answers` are statuses, or 'offline'. */
function queueWith({ storage = memoryStorage(), answers = [], maxKept } = {}) {
  const timers = [];
  const sent = [];
  const queue = core.createReportQueue({
    storage,
    storageKey: 'reports',
    send: (events) => {
      sent.push(events.map((event) => event.id));
      const answer = answers.shift() ?? 202;
      if (answer === 'offline') return Promise.reject(new TypeError('Failed to fetch'));
      return Promise.resolve(typeof answer === 'number' ? { status: answer } : answer);
    },
    setTimer: (run, ms) => timers.push({ run, ms }) - 1,
    clearTimer: (id) => (timers[id] = undefined),
    random: () => 1,
    maxKept,
  });
  /** Fires the next pending timer and waits for the send it starts. */
  async function tick() {
    const index = timers.findIndex(Boolean);
    assert.notEqual(index, -1, 'a timer is pending');
    const timer = timers[index];
    timers[index] = undefined;
    timer.run();
    await new Promise((resolve) => setImmediate(resolve));
    return timer.ms;
  }
  return { queue, storage, sent, tick, timers };
}

const event = (id) => ({ id, type: 'heartbeat', at: '2026-11-24T21:00:00.000Z' });

describe('settings', () => {
  it('falls back to defaults for missing or out-of-range values', () => {
    assert.deepEqual(core.normalizeSettings(undefined), core.DEFAULT_SETTINGS);
    assert.deepEqual(
      core.normalizeSettings({ corner: 'middle', sizePercent: 500, opacity: -1, animation: 'spin' }),
      core.DEFAULT_SETTINGS,
    );
    assert.deepEqual(
      core.normalizeSettings({ corner: 'top-left', sizePercent: 15, opacity: 0.5, animation: 'slide', paused: true }),
      { corner: 'top-left', sizePercent: 15, opacity: 0.5, animation: 'slide', paused: true },
    );
  });

  it('places the card in its corner at its size and opacity', () => {
    const style = core.cardStyle(core.normalizeSettings({ corner: 'top-left', sizePercent: 15, opacity: 0.8 }), false);
    assert.equal(style.top, '2vw');
    assert.equal(style.left, '2vw');
    assert.equal(style.bottom, 'auto');
    assert.equal(style.right, 'auto');
    assert.equal(style.width, '15vw');
    assert.equal(style.opacity, '0.8');
  });

  it('fades from transparent, slides in from its own side, or appears at once', () => {
    const fade = core.normalizeSettings({ animation: 'fade', opacity: 0.8 });
    assert.equal(core.cardStyle(fade, true).opacity, '0');
    assert.equal(core.cardStyle(fade, true).transform, 'none');
    const slideLeft = core.normalizeSettings({ animation: 'slide', corner: 'bottom-left' });
    assert.equal(core.cardStyle(slideLeft, true).transform, 'translateX(-120%)');
    assert.equal(core.cardStyle(slideLeft, false).transform, 'none');
    const slideRight = core.normalizeSettings({ animation: 'slide', corner: 'top-right' });
    assert.equal(core.cardStyle(slideRight, true).transform, 'translateX(120%)');
    const none = core.normalizeSettings({ animation: 'none', opacity: 0.7 });
    assert.equal(core.cardStyle(none, true).opacity, '0.7');
    assert.equal(core.cardStyle(none, true).transition, 'none');
  });
});

describe('backoff and ids', () => {
  it('doubles from one second up to a minute, with jitter down to half', () => {
    assert.deepEqual([1, 2, 3, 4, 7, 20].map((attempt) => core.backoffMs(attempt, 1)), [1000, 2000, 4000, 8000, 60000, 60000]);
    assert.equal(core.backoffMs(3, 0), 2000);
  });

  it('makes version-4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 100 }, () => core.uuid()));
    assert.equal(ids.size, 100);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('report queue', () => {
  it('keeps events in storage until the server acknowledged them, sending them as one batch', async () => {
    const { queue, storage, sent, tick } = queueWith();
    queue.add(event('a'));
    queue.add(event('b'));
    assert.deepEqual(JSON.parse(storage.items.reports).map((stored) => stored.id), ['a', 'b']);
    await tick();
    assert.deepEqual(sent, [['a', 'b']]);
    assert.deepEqual(queue.pending(), []);
    assert.equal(storage.items.reports, '[]');
  });

  it('retries the same ids with growing backoff through a network loss and server errors', async () => {
    const { queue, sent, tick } = queueWith({ answers: ['offline', 503, 'offline', 202] });
    queue.add(event('a'));
    await tick(); // offline
    assert.equal(await tick(), 1000); // 503
    assert.equal(await tick(), 2000); // offline
    assert.equal(await tick(), 4000); // accepted
    assert.deepEqual(sent, [['a'], ['a'], ['a'], ['a']]);
    assert.deepEqual(queue.pending(), []);
  });

  it('waits at least as long as a 429 asks', async () => {
    const { queue, tick } = queueWith({ answers: [{ status: 429, retryAfterSeconds: 30 }] });
    queue.add(event('a'));
    await tick();
    assert.equal(await tick(), 30000);
  });

  it('picks up what a previous page load left unsent', async () => {
    const storage = memoryStorage({ reports: JSON.stringify([event('left-over')]) });
    const { queue, sent, tick } = queueWith({ storage });
    assert.deepEqual(queue.pending().map((pending) => pending.id), ['left-over']);
    await tick();
    assert.deepEqual(sent, [['left-over']]);
  });

  it('drops a batch the server refuses as malformed, so the rest still flows', async () => {
    const { queue, tick } = queueWith({ answers: [400] });
    queue.add(event('bad'));
    await tick();
    assert.deepEqual(queue.pending(), []);
  });

  it('keeps an event added while a batch is in flight for the next batch', async () => {
    const { queue, sent, tick } = queueWith();
    queue.add(event('a'));
    const sending = tick();
    queue.add(event('b'));
    await sending;
    await tick();
    assert.deepEqual(sent, [['a'], ['b']]);
  });

  it('sends at once when back online instead of waiting out the backoff', async () => {
    const { queue, sent, tick, timers } = queueWith({ answers: ['offline', 'offline', 202] });
    queue.add(event('a'));
    await tick();
    await tick();
    assert.ok(timers.some(Boolean), 'a retry is scheduled');
    await queue.retryNow();
    assert.deepEqual(sent, [['a'], ['a'], ['a']]);
    assert.deepEqual(queue.pending(), []);
  });

  it('keeps only the newest events when offline for very long', () => {
    const { queue } = queueWith({ maxKept: 3 });
    for (const id of ['1', '2', '3', '4', '5']) queue.add(event(id));
    assert.deepEqual(queue.pending().map((pending) => pending.id), ['3', '4', '5']);
  });

  it('survives storage that throws', async () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    const { queue, sent, tick } = queueWith({ storage: broken });
    queue.add(event('a'));
    await tick();
    assert.deepEqual(sent, [['a']]);
  });
});

describe('short link codes', () => {
  it('reads the code of a tracked link and nothing else', () => {
    assert.equal(core.shortLinkCode('http://localhost:4000/r/geHWIfYd6JQrqtAz'), 'geHWIfYd6JQrqtAz');
    assert.equal(core.shortLinkCode('https://go.gametriggers.gg/r/a_b-c123'), 'a_b-c123');
    assert.equal(core.shortLinkCode('https://brand.example/r/short'), null);
    assert.equal(core.shortLinkCode('https://brand.example/offer'), null);
    assert.equal(core.shortLinkCode('https://x.example/r/abcdefgh/../evil'), null);
    assert.equal(core.shortLinkCode(undefined), null);
  });
});

describe('reports about an ad', () => {
  const ad = {
    adId: 'slot-1',
    participationId: '22222222-3333-4444-8555-666666666666',
    campaignId: '33333333-4444-4555-8666-777777777777',
  };

  it('names the slot, participation and campaign of a creative that failed, with the viewers', () => {
    assert.deepEqual(core.adReport('creative_failed', ad, 340, 'id-1', '2026-11-24T21:00:00.000Z'), {
      id: 'id-1',
      type: 'creative_failed',
      at: '2026-11-24T21:00:00.000Z',
      adId: 'slot-1',
      participationId: ad.participationId,
      campaignId: ad.campaignId,
      viewers: 340,
    });
  });

  it('flags a test-fire, and leaves out ids that are not ids and unknown viewers', () => {
    const report = core.adReport('display_start', { ...ad, participationId: 'nope', campaignId: 7, test: true }, null, 'id-2', 'now');
    assert.deepEqual(report, { id: 'id-2', type: 'display_start', at: 'now', adId: 'slot-1', test: true });
  });
});

describe('card size', () => {
  it('scales the card’s text with its width', () => {
    assert.equal(core.cardStyle(core.normalizeSettings({ sizePercent: 40 }), false).fontSize, '2vw');
  });
});
