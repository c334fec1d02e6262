// The overlay page's logic without the DOM: the report queue, reports and settings → CSS. Plain browser
// JavaScript, inlined into the page as is (no build step keeps the page tiny); node:test loads it too.
/* global crypto */
(function (root) {
  'use strict';

  var DEFAULT_SETTINGS = {
    corner: 'bottom-right',
    sizePercent: 25,
    opacity: 1,
    animation: 'fade',
    paused: false,
  };
  var CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];
  var ANIMATIONS = ['none', 'fade', 'slide'];

  /** Settings as pushed (`overlay.settings`), with anything missing or odd replaced by a default. */
  function normalizeSettings(given) {
    var settings = Object.assign({}, DEFAULT_SETTINGS);
    if (!given || typeof given !== 'object') return settings;
    if (CORNERS.indexOf(given.corner) >= 0) settings.corner = given.corner;
    if (ANIMATIONS.indexOf(given.animation) >= 0) settings.animation = given.animation;
    if (typeof given.sizePercent === 'number' && given.sizePercent >= 5 && given.sizePercent <= 100) {
      settings.sizePercent = given.sizePercent;
    }
    if (typeof given.opacity === 'number' && given.opacity >= 0 && given.opacity <= 1) {
      settings.opacity = given.opacity;
    }
    settings.paused = given.paused === true;
    return settings;
  }

  /**
   * Where the card sits and how it looks, as inline-style properties. `hidden` is the state it
   * animates in from and out to.
   */
  function cardStyle(settings, hidden) {
    var parts = settings.corner.split('-');
    var vertical = parts[0];
    var horizontal = parts[1];
    var style = {
      position: 'absolute',
      width: settings.sizePercent + 'vw',
      // The card's inside is drawn in em: its text and QR code grow with the card.
      fontSize: settings.sizePercent / 20 + 'vw',
      top: 'auto',
      bottom: 'auto',
      left: 'auto',
      right: 'auto',
      opacity: String(hidden && settings.animation !== 'none' ? 0 : settings.opacity),
      transform: 'none',
      transition:
        settings.animation === 'none' ? 'none' : 'opacity 400ms ease, transform 400ms ease',
    };
    style[vertical] = '2vw';
    style[horizontal] = '2vw';
    if (hidden && settings.animation === 'slide') {
      style.transform = 'translateX(' + (horizontal === 'left' ? '-120%' : '120%') + ')';
    }
    return style;
  }

  /** Exponential backoff with jitter: 1 s, 2 s, 4 s … up to a minute. */
  function backoffMs(attempt, random) {
    var base = Math.min(60000, 1000 * Math.pow(2, Math.max(0, attempt - 1)));
    return Math.round(base * (0.5 + random / 2));
  }

  /** The code of a tracked short link (`…/r/<code>`), which the overlay draws as a QR code; else null. */
  function shortLinkCode(clickUrl) {
    var match = /\/r\/([A-Za-z0-9_-]{8,32})$/.exec(typeof clickUrl === 'string' ? clickUrl : '');
    return match ? match[1] : null;
  }

  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  /**
   * One report to analytics about `ad` (display_start, heartbeat, display_end, creative_failed):
   * with its slot, participation and campaign, flagged as a test for a test-fire, and the live
   * viewers when known.
   */
  function adReport(type, ad, viewers, id, at) {
    var event = { id: id, type: type, at: at };
    if (ad) {
      event.adId = ad.adId;
      // Analytics refuses a batch with a malformed event whole: never send an id that is not one.
      if (UUID.test(ad.participationId)) event.participationId = ad.participationId;
      if (UUID.test(ad.campaignId)) event.campaignId = ad.campaignId;
      if (ad.test === true) event.test = true;
    }
    if (typeof viewers === 'number') event.viewers = viewers;
    return event;
  }

  /** A version-4 UUID; `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
  function uuid() {
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (byte) {
        return (byte + 0x100).toString(16).slice(1);
      })
      .join('');
    return (
      hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' +
      hex.slice(16, 20) + '-' + hex.slice(20)
    );
  }

  /**
   * Reports to analytics that survive a network loss or a reload: every event is kept in storage
   * until the server acknowledged its batch; retries resend the same ids, so the server dedupes.
   *
   * options: storage (getItem/setItem, may throw), storageKey, send(events) → Promise<{ status,
   * retryAfterSeconds? }> (rejects on a network failure), setTimer(fn, ms), clearTimer(id), random(),
   * batchDelayMs, maxBatch, maxKept.
   */
  function createReportQueue(options) {
    var batchDelayMs = options.batchDelayMs === undefined ? 1000 : options.batchDelayMs;
    var maxBatch = options.maxBatch || 100;
    var maxKept = options.maxKept || 5000;
    var events = load();
    var sending = false;
    var attempt = 0;
    var timer = null;

    function load() {
      try {
        var stored = JSON.parse(options.storage.getItem(options.storageKey) || '[]');
        return Array.isArray(stored) ? stored : [];
      } catch {
        return [];
      }
    }

    function save() {
      try {
        options.storage.setItem(options.storageKey, JSON.stringify(events));
      } catch {
        // Storage full or unavailable: the events still wait in memory.
      }
    }

    function schedule(ms) {
      if (timer !== null) return;
      timer = options.setTimer(function () {
        timer = null;
        flush();
      }, ms);
    }

    function add(event) {
      events.push(event);
      // A week offline must not fill the storage: the oldest reports go first.
      if (events.length > maxKept) events.splice(0, events.length - maxKept);
      save();
      schedule(batchDelayMs);
    }

    function settle(batch, outcome) {
      sending = false;
      var status = outcome ? outcome.status : 0;
      var refusedForGood = status === 400 || status === 413 || status === 422;
      if ((status >= 200 && status < 300) || refusedForGood) {
        // A malformed batch would be refused forever; dropping it lets the rest through.
        var sent = {};
        batch.forEach(function (event) {
          sent[event.id] = true;
        });
        events = events.filter(function (event) {
          return !sent[event.id];
        });
        save();
        attempt = 0;
        if (events.length > 0) schedule(0);
        return;
      }
      attempt += 1;
      var wait = backoffMs(attempt, options.random());
      if (outcome && outcome.retryAfterSeconds) wait = Math.max(wait, outcome.retryAfterSeconds * 1000);
      schedule(wait);
    }

    function flush() {
      if (sending || events.length === 0) return;
      sending = true;
      var batch = events.slice(0, maxBatch);
      var sent;
      try {
        sent = Promise.resolve(options.send(batch));
      } catch (error) {
        sent = Promise.reject(error);
      }
      return sent.then(
        function (outcome) {
          settle(batch, outcome);
        },
        function () {
          settle(batch, null);
        },
      );
    }

    /** Send now (back online, reconnected) instead of waiting out a backoff. */
    function retryNow() {
      attempt = 0;
      if (timer !== null) {
        options.clearTimer(timer);
        timer = null;
      }
      return flush();
    }

    if (events.length > 0) schedule(0);
    return {
      add: add,
      flush: flush,
      retryNow: retryNow,
      pending: function () {
        return events.slice();
      },
    };
  }

  root.GametriggersOverlay = {
    DEFAULT_SETTINGS: DEFAULT_SETTINGS,
    normalizeSettings: normalizeSettings,
    cardStyle: cardStyle,
    backoffMs: backoffMs,
    shortLinkCode: shortLinkCode,
    adReport: adReport,
    uuid: uuid,
    createReportQueue: createReportQueue,
  };
})(globalThis);
