// The overlay page in OBS: listens on its Pusher channel, shows the ad it is told to show, and
// reports what was really displayed. Plain browser JavaScript, inlined after pusher-js, the
// shared ad card and overlay-core.js; its configuration is the JSON in <script id="gt-overlay-config">.
/* global document, window, localStorage, fetch, setTimeout, clearTimeout, setInterval, clearInterval, Pusher, GametriggersOverlay, GametriggersAdCard */
(function () {
  'use strict';

  var core = GametriggersOverlay;
  var adCard = GametriggersAdCard;
  var config = JSON.parse(document.getElementById('gt-overlay-config').textContent);
  var stage = document.getElementById('gt-stage');
  var HEARTBEAT_MS = 30000;
  var ANIMATION_MS = 400;

  var settings = core.normalizeSettings(config.settings);
  var current = null; // { ad, card, started, endTimer, heartbeat }
  // The live viewer count the server sends with each `ad.show`: heartbeats carry it for the
  // impression count.
  var viewers = null;

  var reports = core.createReportQueue({
    storage: safeStorage(),
    storageKey: 'gt-overlay-reports:' + config.overlayId,
    send: function (events) {
      return fetch(config.ingestUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-overlay-key': config.key },
        body: JSON.stringify({ events: events }),
        keepalive: true,
      }).then(function (response) {
        return {
          status: response.status,
          retryAfterSeconds: Number(response.headers.get('retry-after')) || undefined,
        };
      });
    },
    // Called as methods of the options object, which the browser's timers refuse as `this`.
    setTimer: function (run, ms) {
      return setTimeout(run, ms);
    },
    clearTimer: function (id) {
      clearTimeout(id);
    },
    random: Math.random,
  });

  function safeStorage() {
    try {
      return localStorage;
    } catch {
      var memory = {};
      return {
        getItem: function (name) {
          return memory[name] || null;
        },
        setItem: function (name, value) {
          memory[name] = value;
        },
      };
    }
  }

  function report(type, ad) {
    reports.add(core.adReport(type, ad, viewers, core.uuid(), new Date().toISOString()));
  }

  function applyStyle(card, hidden) {
    var style = core.cardStyle(settings, hidden);
    for (var name in style) card.style[name] = style[name];
  }

  function isPlayable(ad) {
    return (
      ad &&
      typeof ad.adId === 'string' &&
      ad.adId.length <= 100 &&
      // A creative that cannot load still shows: as the card's fallback.
      typeof ad.creative === 'object' &&
      typeof ad.durationSeconds === 'number' &&
      ad.durationSeconds > 0
    );
  }

  function setViewers(count) {
    if (typeof count === 'number' && count >= 0 && Math.floor(count) === count) viewers = count;
  }

  function show(ad) {
    if (!isPlayable(ad) || settings.paused) return;
    setViewers(ad.viewers);
    // The server re-sends the ad on air after a reconnect: keep showing it, no second start.
    if (current && current.ad.adId === ad.adId) return;
    if (current) hide(current.ad.adId);

    var shown = { ad: ad, started: false };
    current = shown;
    var qrCode = core.shortLinkCode(ad.clickUrl);
    shown.drawing = adCard.renderAdCard(document, ad, {
      testId: 'overlay-ad',
      // Served by this portal: the QR code of the tracked link, for viewers to scan off the stream.
      qrSrc: qrCode ? '/overlay/qr/' + qrCode : null,
      onFailed: function () {
        // The designed fallback shows instead; the streamer and the brand see it in their portals.
        if (current === shown) report('creative_failed', ad);
      },
      onShown: rendered,
    });
    shown.card = shown.drawing.element;
    shown.card.setAttribute('data-ad-id', ad.adId);
    shown.card.setAttribute('data-campaign-id', ad.campaignId);
    applyStyle(shown.card, true);

    // The card shows either the creative or its fallback (brand, title, link): both are an ad on air.
    function rendered() {
      if (current !== shown || shown.started) return;
      shown.started = true;
      shown.card.setAttribute('data-rendered', 'true');
      applyStyle(shown.card, false);
      report('display_start', ad);
      shown.heartbeat = setInterval(function () {
        report('heartbeat', ad);
      }, HEARTBEAT_MS);
      shown.endTimer = setTimeout(function () {
        hide(ad.adId);
      }, ad.durationSeconds * 1000);
    }

    stage.appendChild(shown.card);
  }

  function hide(adId) {
    if (!current || current.ad.adId !== adId) return;
    var shown = current;
    current = null;
    shown.drawing.dispose();
    clearTimeout(shown.endTimer);
    clearInterval(shown.heartbeat);
    if (shown.started) report('display_end', shown.ad);
    applyStyle(shown.card, true);
    setTimeout(function () {
      remove(shown);
    }, settings.animation === 'none' ? 0 : ANIMATION_MS);
  }

  function remove(shown) {
    if (current === shown) current = null;
    if (shown.card.parentNode) shown.card.parentNode.removeChild(shown.card);
  }

  function applySettings(given) {
    settings = core.normalizeSettings(given);
    if (!current) return;
    if (settings.paused) hide(current.ad.adId);
    else applyStyle(current.card, !current.started);
  }

  var pusher = new Pusher(
    config.pusher.key,
    Object.assign(
      {
        // pusher-js wants a cluster even when wsHost decides where it connects.
        cluster: config.pusher.cluster || 'local',
        forceTLS: config.pusher.useTLS,
        enableStats: false,
        channelAuthorization: {
          endpoint: config.authUrl,
          transport: 'ajax',
          headers: { 'x-overlay-key': config.key },
        },
      },
      config.pusher.host
        ? {
            wsHost: config.pusher.host,
            wsPort: config.pusher.port,
            wssPort: config.pusher.port,
            enabledTransports: ['ws', 'wss'],
          }
        : {},
    ),
  );
  var channel = pusher.subscribe('private-overlay-' + config.overlayId);
  channel.bind('ad.show', show);
  channel.bind('ad.hide', function (data) {
    if (data) hide(data.adId);
  });
  channel.bind('overlay.settings', applySettings);
  // Being a member of the streamer's presence channel is how their portal knows OBS shows the overlay.
  if (config.streamerId) pusher.subscribe('presence-streamer-' + config.streamerId);
  // pusher-js reconnects and resubscribes by itself; once back, send what waited.
  pusher.connection.bind('connected', function () {
    reports.retryNow();
  });
  window.addEventListener('online', function () {
    reports.retryNow();
  });
})();
