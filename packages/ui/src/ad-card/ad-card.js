// The sponsor card as viewers see it: the one drawing used by the OBS overlay page (inlined there as
// a plain script, see apps/streamer/app/overlay/[key]/overlay-scripts.ts) and mounted by the portals'
// React preview. Framework-free and written for old embedded browsers (OBS), so `var` and no
// dependencies. Every size is in `em`: whoever places the card sets its width and font-size.
// Only `export function` / `export var` declarations: the overlay page turns them into a global.
/* global setTimeout, clearTimeout */

/** The card's stylesheet; the page and the preview add it once. */
export var AD_CARD_CSS =
  '.gt-card{box-sizing:border-box;overflow:hidden;border-radius:.6em;background:rgba(15,23,42,.92);color:#fff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.25;box-shadow:0 .4em 1.6em rgba(0,0,0,.35)}' +
  '.gt-card *{box-sizing:border-box;margin:0}' +
  '.gt-media{position:relative;aspect-ratio:16/9;background:#1e293b;overflow:hidden}' +
  '.gt-media img,.gt-media video{display:block;width:100%;height:100%;object-fit:cover}' +
  '.gt-fallback{display:flex;flex-direction:column;justify-content:center;gap:.35em;height:100%;padding:.8em 1em;background:linear-gradient(135deg,#4338ca,#7c3aed 55%,#db2777)}' +
  '.gt-fallback-brand{display:flex;align-items:center;gap:.45em;font-size:.8em;font-weight:700;letter-spacing:.02em}' +
  '.gt-monogram{display:grid;place-items:center;width:1.9em;height:1.9em;border-radius:50%;background:rgba(255,255,255,.22);font-size:1.1em}' +
  '.gt-fallback-title{font-size:1.15em;font-weight:800;line-height:1.15;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}' +
  '.gt-caption{display:flex;align-items:center;gap:.6em;padding:.5em .65em}' +
  '.gt-text{flex:1;min-width:0}' +
  '.gt-label{font-size:.55em;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:#c7d2fe;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
  '.gt-sponsored{display:inline-block;padding:.1em .45em;margin-right:.15em;border-radius:.3em;background:#fbbf24;color:#1e1b4b}' +
  '.gt-title{margin-top:.2em;font-size:.8em;font-weight:650;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}' +
  // The fallback panel shows the title large already.
  '.gt-card[data-state=fallback] .gt-title{display:none}' +
  '.gt-link{margin-top:.2em;font-size:.58em;color:rgba(255,255,255,.75);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
  '.gt-qr{flex:none;width:3.4em;height:3.4em;border-radius:.25em;background:#fff;padding:.15em}';

/** How long a creative may take to show before the card falls back to its designed variant. */
export var CREATIVE_LOAD_TIMEOUT_MS = 5000;

/** `https://host/path?query` → `host/path`, the short form a viewer can type; '' when not a URL. */
export function displayLink(url) {
  var match = /^https?:\/\/([^/?#\s]+)([^?#\s]*)/.exec(typeof url === 'string' ? url : '');
  if (!match) return '';
  var path = match[2] === '/' ? '' : match[2];
  return match[1] + path;
}

function element(doc, tag, className, text) {
  var node = doc.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function creativeElement(doc, creative) {
  var media;
  if (creative.type === 'video') {
    media = doc.createElement('video');
    media.autoplay = true;
    media.muted = true;
    media.loop = true;
    media.playsInline = true;
    media.setAttribute('playsinline', '');
    if (creative.altText) media.setAttribute('aria-label', creative.altText);
  } else {
    media = doc.createElement('img');
    media.alt = creative.altText || '';
  }
  media.className = 'gt-creative';
  return media;
}

function fallbackPanel(doc, ad) {
  var panel = element(doc, 'div', 'gt-fallback');
  panel.setAttribute('data-testid', 'ad-card-fallback');
  var brand = element(doc, 'p', 'gt-fallback-brand');
  var name = ad.brandName || '';
  brand.appendChild(element(doc, 'span', 'gt-monogram', name ? name.charAt(0).toUpperCase() : '★'));
  brand.appendChild(element(doc, 'span', '', name));
  panel.appendChild(brand);
  panel.appendChild(element(doc, 'p', 'gt-fallback-title', ad.title || ''));
  return panel;
}

function caption(doc, ad, qrSrc) {
  var bar = element(doc, 'div', 'gt-caption');
  var text = element(doc, 'div', 'gt-text');
  // The disclosure: always shown, whatever the creative says or whether it loads.
  var label = element(doc, 'p', 'gt-label');
  label.setAttribute('data-testid', 'ad-card-label');
  label.appendChild(element(doc, 'span', 'gt-sponsored', 'Sponsored'));
  // A real space, so that it reads "Sponsored Nova" aloud and when copied, not "SponsoredNova".
  label.appendChild(element(doc, 'span', '', ' '));
  label.appendChild(element(doc, 'span', 'gt-brand', ad.brandName || ''));
  text.appendChild(label);
  if (ad.title) text.appendChild(element(doc, 'p', 'gt-title', ad.title));
  var link = displayLink(ad.clickUrl);
  if (link || ad.clickText) {
    var line = element(doc, 'p', 'gt-link', link || ad.clickText);
    line.setAttribute('data-testid', 'ad-card-link');
    if (link && ad.clickText) line.title = ad.clickText;
    text.appendChild(line);
  }
  bar.appendChild(text);
  if (qrSrc) {
    var qr = element(doc, 'img', 'gt-qr');
    qr.alt = '';
    qr.setAttribute('data-testid', 'overlay-qr');
    qr.addEventListener('error', function () {
      if (qr.parentNode) qr.parentNode.removeChild(qr);
    }, { once: true });
    qr.src = qrSrc;
    bar.appendChild(qr);
  }
  return bar;
}

/**
 * Builds the card for `ad` ({ creative: { type, url, altText? }, brandName, title, clickUrl?,
 * clickText? }). The creative loads in place; if it errors, is not an http(s) URL, or has not shown
 * within `loadTimeoutMs`, the card switches to its designed fallback (brand, title, link, QR) and
 * never stays blank. `data-state` says which: loading, creative or fallback.
 *
 * options: qrSrc (the QR code image of the link, or none), testId, loadTimeoutMs, allowBlobUrls
 * (previews: a file the person is uploading, shown from the browser's memory as a `blob:` URL),
 * onShown(kind: 'creative' | 'fallback'), onFailed(reason: 'error' | 'timeout' | 'invalid_url'),
 * setTimer(fn, ms) / clearTimer(id) (default: the window's).
 * Returns { element, dispose() }: dispose stops waiting (nothing is reported after it).
 */
export function renderAdCard(doc, ad, options) {
  var opts = options || {};
  var setTimer = opts.setTimer || function (run, ms) { return setTimeout(run, ms); };
  var clearTimer = opts.clearTimer || function (id) { clearTimeout(id); };
  var card = element(doc, 'div', 'gt-card');
  card.setAttribute('data-testid', opts.testId || 'ad-card');
  card.setAttribute('data-state', 'loading');
  var media = element(doc, 'div', 'gt-media');
  card.appendChild(media);
  card.appendChild(caption(doc, ad, opts.qrSrc));

  var settled = false;
  var timer = null;
  function settle(outcome) {
    if (settled) return;
    settled = true;
    if (timer !== null) clearTimer(timer);
    if (outcome === 'loaded') {
      card.setAttribute('data-state', 'creative');
      if (opts.onShown) opts.onShown('creative');
      return;
    }
    while (media.firstChild) media.removeChild(media.firstChild);
    media.appendChild(fallbackPanel(doc, ad));
    card.setAttribute('data-state', 'fallback');
    if (opts.onFailed) opts.onFailed(outcome);
    if (opts.onShown) opts.onShown('fallback');
  }

  var creative = ad.creative || {};
  var shown = opts.allowBlobUrls ? /^(https?:\/\/|blob:)\S+$/ : /^https?:\/\/\S+$/;
  if (!shown.test(creative.url || '')) {
    // Settled on the next turn, so the caller holds the card before hearing about it.
    timer = setTimer(function () {
      timer = null;
      settle('invalid_url');
    }, 0);
  } else {
    var source = creativeElement(doc, creative);
    source.addEventListener(creative.type === 'video' ? 'loadeddata' : 'load', function () {
      settle('loaded');
    }, { once: true });
    source.addEventListener('error', function () {
      settle('error');
    }, { once: true });
    timer = setTimer(function () {
      timer = null;
      settle('timeout');
    }, opts.loadTimeoutMs === undefined ? CREATIVE_LOAD_TIMEOUT_MS : opts.loadTimeoutMs);
    source.src = creative.url;
    media.appendChild(source);
  }

  return {
    element: card,
    dispose: function () {
      settled = true;
      if (timer !== null) clearTimer(timer);
    },
  };
}
