// A browser check of the overlay page, for a person to run (not part of any test suite):
//   apps/gateway/node_modules/.bin/tsx apps/streamer/overlay-client/browser-check.mjs
// Starts a Pusher stand-in, stand-ins for the overlay service (key resolution, channel auth) and
// analytics (ingest, switchable to 503), the real gateway, and `next dev` of this portal on :3102,
// then drives the page in Debian's Chromium: show/hide, reports surviving an analytics outage in
// localStorage, reconnect after the socket drops, live settings, a broken creative (the labelled
// fallback card and its creative_failed report), and prints the gzip size of all JavaScript the page
// runs. Screenshots go to $SCREENSHOT_DIR (default /tmp). Needs Redis on 127.0.0.1:6379.
/* eslint-disable no-console -- a command-line check reports on the console */
/* global console, process, setTimeout, Buffer, URL, fetch, document, getComputedStyle, localStorage */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const repo = path.resolve(import.meta.dirname, '../../..');
const { startPusherStandIn } = await import(`${repo}/packages/realtime/src/server/index.ts`);
const { createChannelAuthorizer, createRealtimePublisher, overlayChannel } = await import(`${repo}/packages/realtime/src/index.ts`);
const { createGateway } = await import(`${repo}/apps/gateway/src/server.ts`);
const { testGatewayOptions } = await import(`${repo}/apps/gateway/src/test-options.ts`);
const { Redis } = createRequire(`${repo}/apps/gateway/package.json`)('ioredis');
const { chromium } = createRequire(`${repo}/apps/e2e/package.json`)('playwright-core');

const goodKey = `gto_${'k'.repeat(43)}`;
const overlayId = '11111111-2222-4333-8444-555555555555';
const secret = 'smoke-service-secret-of-at-least-32-chars';
const app = { id: 'smoke', key: 'smoke-key', secret: 'smoke-pusher-secret' };
const creativeJpeg = readFileSync(path.join(repo, 'packages/devstack/demo-creatives/nova/aim.jpg'));
const screenshots = process.env.SCREENSHOT_DIR ?? '/tmp';
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const listen = (server) => new Promise((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${server.address().port}`)));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, check, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) { const v = await check(); if (v) return v; if (Date.now() > end) throw new Error(`timed out: ${what}`); await sleep(100); }
}

const standIn = await startPusherStandIn({ port: 0, host: '127.0.0.1', apps: [app] });
const config = { appId: app.id, key: app.key, secret: app.secret, host: '127.0.0.1', port: standIn.wsPort, useTLS: false };
const authorizer = createChannelAuthorizer(config);
const publisher = createRealtimePublisher(config);
let authCalls = 0;
const overlayService = http.createServer(async (req, res) => {
  let body = ''; for await (const chunk of req) body += chunk;
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/aim.jpg') { res.writeHead(200, { 'content-type': 'image/jpeg' }); return res.end(creativeJpeg); }
  if (url.pathname === '/img.png') { res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }); return res.end(png); }
  if (url.pathname === '/trpc/overlay.internal.resolveKey') {
    const input = JSON.parse(url.searchParams.get('input') ?? '{}');
    const ok = typeof req.headers['x-service-token'] === 'string' && input.json?.key === goodKey;
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ result: { data: { json: ok ? { overlayId, streamerId: overlayId, live: true } : null } } }));
  }
  if (url.pathname === '/realtime/auth') {
    authCalls += 1;
    if (req.headers['x-overlay-key'] !== goodKey) { res.writeHead(403); return res.end('{}'); }
    const answer = await authorizer.respondToAuthRequest(body, {
      user: { id: `overlay-${overlayId}`, info: { kind: 'overlay' } },
      mayAccess: (ch) => (ch.kind === 'overlay' ? ch.overlayId : ch.streamerId) === overlayId,
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' }); return res.end(JSON.stringify(answer.body));
  }
  res.writeHead(404); res.end();
});
const accepted = [];
let analyticsDown = false; let refusedBatches = 0;
const analytics = http.createServer(async (req, res) => {
  let body = ''; for await (const chunk of req) body += chunk;
  if (analyticsDown) { refusedBatches += 1; res.writeHead(503); return res.end(); }
  if (req.headers['x-overlay-key'] !== goodKey) { res.writeHead(401); return res.end(); }
  for (const e of JSON.parse(body).events) if (!accepted.some((a) => a.id === e.id)) accepted.push(e);
  res.writeHead(202); res.end('{}');
});
const overlayUrl = await listen(overlayService);
const analyticsUrl = await listen(analytics);
const redis = new Redis('redis://127.0.0.1:6379/5');
const gateway = await createGateway(testGatewayOptions({ identity: { url: 'http://127.0.0.1:9', jwksUrl: 'http://127.0.0.1:9/j' }, serviceSecret: secret, redis, rateLimitPrefix: `smoke:${Date.now()}`, serviceUrls: { overlay: overlayUrl, analytics: analyticsUrl } }));
console.log('gateway', gateway.url, 'overlay', overlayUrl, 'pusher', standIn.wsPort);

const portalPort = 3102;
const next = spawn('node_modules/.bin/next', ['dev', '--port', String(portalPort)], {
  cwd: `${repo}/apps/streamer`, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, OVERLAY_SERVICE_URL: overlayUrl, SERVICE_SECRET: secret, GATEWAY_URL: gateway.url, PUSHER_KEY: app.key, PUSHER_HOST: '127.0.0.1', PUSHER_PORT: String(standIn.wsPort), PUSHER_USE_TLS: 'false', NEXTAUTH_SECRET: 'x'.repeat(40) },
});
let nextLog = ''; next.stdout.on('data', (chunk) => (nextLog += chunk)); next.stderr.on('data', (chunk) => (nextLog += chunk));
const portal = `http://127.0.0.1:${portalPort}`;
let browser;
let errorsSeen = [];
const results = [];
const check = (name, ok) => { results.push(`${ok ? 'PASS' : 'FAIL'} ${name}`); if (!ok) console.log('FAIL', name); };
try {
  await until('next dev up', async () => fetch(`${portal}/overlay/nope`).then((r) => r.status).catch(() => 0), 120000);
  const unknown = await fetch(`${portal}/overlay/gto_unknownunknownunknown`);
  check('unknown key → 404 blank page', unknown.status === 404 && !(await unknown.text()).includes('<script'));
  const html = await (await fetch(`${portal}/overlay/${goodKey}`)).text();
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  const gz = zlib.gzipSync(scripts, { level: 9 }).length; const gz6 = zlib.gzipSync(scripts).length;
  console.log(`JS on the page: ${scripts.length} bytes raw, ${gz} bytes gzip -9, ${gz6} bytes gzip -6; whole HTML gzip ${zlib.gzipSync(html).length}`);
  check('no external scripts', !/<script[^>]+src=/.test(html));

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'] });
  const page = await browser.newPage();
  const errors = []; errorsSeen = errors; page.on('requestfailed', (r) => errors.push(`failed ${r.url()} ${r.failure()?.errorText}`));  page.on('pageerror', (e) => errors.push(String(e))); page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const scriptRequests = []; page.on('request', (r) => { if (r.resourceType() === 'script') scriptRequests.push(r.url()); });
  const response = await page.goto(`${portal}/overlay/${goodKey}`);
  check('page 200', response?.status() === 200);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  check(`transparent background (${bg})`, bg === 'rgba(0, 0, 0, 0)');
  await until('channel auth', () => authCalls > 0);
  await sleep(500);
  const ad = (adId, extra = {}) => ({ adId, participationId: '22222222-3333-4444-8555-666666666666', campaignId: '33333333-4444-4555-8666-777777777777', brandName: 'Nova Peripherals', title: 'Aim like a pro with the Glide X', creative: { type: 'image', url: `${overlayUrl}/aim.jpg`, altText: 'Nova Glide X' }, durationSeconds: 60, clickText: 'Type !sponsor in chat or scan the code', clickUrl: 'http://localhost:4000/r/geHWIfYd6JQrqtAz', shownAt: new Date().toISOString(), ...extra });
  await page.setViewportSize({ width: 1280, height: 720 });
  await publisher.publish(overlayChannel(overlayId), 'ad.show', ad('ad-1'));
  await until('ad-1 visible', () => page.locator('[data-testid=overlay-ad][data-state=creative]').count());
  await sleep(500);
  const label = await page.getByTestId('ad-card-label').innerText();
  check(`the card says it is sponsored and by whom (${JSON.stringify(label)})`, /^sponsored\s+nova peripherals$/i.test(label.trim()));
  await until('the QR code drawn', () => page.getByTestId('overlay-qr').evaluate((image) => image.naturalWidth > 0), 60000);
  await page.screenshot({ path: `${screenshots}/overlay-creative.png` });
  await until('display_start ad-1 ingested', () => accepted.some((e) => e.type === 'display_start' && e.adId === 'ad-1'));
  const start = accepted.find((e) => e.type === 'display_start' && e.adId === 'ad-1');
  check('display_start reported with its participation and campaign', start.participationId === '22222222-3333-4444-8555-666666666666' && start.campaignId === '33333333-4444-4555-8666-777777777777');
  analyticsDown = true;
  await publisher.publish(overlayChannel(overlayId), 'ad.hide', { adId: 'ad-1' });
  await until('ad-1 gone', async () => (await page.locator('[data-testid=overlay-ad]').count()) === 0);
  await until('a refused batch', () => refusedBatches > 0);
  const stored = await page.evaluate((id) => localStorage.getItem(`gt-overlay-reports:${id}`), overlayId);
  check('display_end kept in localStorage while analytics is down', stored?.includes('display_end'));
  analyticsDown = false;
  await until('display_end ingested after recovery', () => accepted.some((e) => e.type === 'display_end' && e.adId === 'ad-1'), 20000);
  check('display_end delivered after recovery', true);

  standIn.closeAllConnections();
  const authBefore = authCalls;
  await until('resubscribed after the socket dropped', () => authCalls > authBefore, 20000);
  await sleep(500);
  await publisher.publish(overlayChannel(overlayId), 'overlay.settings', { corner: 'top-left', sizePercent: 15, opacity: 0.8, animation: 'slide', showSeconds: 30, breakSeconds: 60, paused: false, updatedAt: new Date().toISOString() });
  await sleep(200);
  await publisher.publish(overlayChannel(overlayId), 'ad.show', { ...ad('ad-2'), durationSeconds: 2 });
  await until('ad-2 visible after reconnect', () => page.locator('[data-testid=overlay-ad][data-state=creative]').count());
  await sleep(600);
  const style = await page.locator('[data-testid=overlay-ad]').evaluate((el) => ({ top: el.style.top, left: el.style.left, width: el.style.width, opacity: el.style.opacity }));
  check(`settings applied live ${JSON.stringify(style)}`, style.top === '2vw' && style.left === '2vw' && style.width === '15vw' && style.opacity === '0.8');
  await until('ad-2 ends by itself after durationSeconds', async () => (await page.locator('[data-testid=overlay-ad]').count()) === 0, 6000);
  await until('ad-2 display_end', () => accepted.some((e) => e.type === 'display_end' && e.adId === 'ad-2'), 8000);
  check('ad-2 shown after reconnect and ended after its duration', true);
  await publisher.publish(overlayChannel(overlayId), 'overlay.settings', { corner: 'bottom-right', sizePercent: 25, opacity: 1, animation: 'fade', showSeconds: 30, breakSeconds: 60, paused: false, updatedAt: new Date().toISOString() });
  await publisher.publish(overlayChannel(overlayId), 'ad.show', { ...ad('ad-broken'), creative: { type: 'image', url: `${overlayUrl}/missing.png` } });
  await until('the fallback card for a broken creative', () => page.locator('[data-testid=overlay-ad][data-state=fallback][data-rendered=true]').count());
  await sleep(600);
  const fallbackLabel = await page.getByTestId('ad-card-label').innerText();
  check(`a broken creative shows the labelled fallback card (${JSON.stringify(fallbackLabel)})`, /^sponsored\s+nova peripherals$/i.test(fallbackLabel.trim()) && (await page.getByTestId('ad-card-fallback').isVisible()));
  await until('the fallback’s QR code drawn', () => page.getByTestId('overlay-qr').evaluate((image) => image.naturalWidth > 0), 30000);
  await page.screenshot({ path: `${screenshots}/overlay-fallback.png` });
  await until('creative_failed reported', () => accepted.some((e) => e.type === 'creative_failed' && e.adId === 'ad-broken' && e.campaignId === '33333333-4444-4555-8666-777777777777'));
  check('a broken creative is reported as creative_failed, and its fallback as a display', accepted.some((e) => e.type === 'display_start' && e.adId === 'ad-broken'));
  const scroll = await page.evaluate(() => getComputedStyle(document.documentElement).overflow);
  check(`no scrollbars (${scroll})`, scroll === 'hidden');
  check(`scripts loaded from the network: ${scriptRequests.length}`, scriptRequests.length === 0);
  // Expected: the 503s of the outage, the broken creative's 404, a report cut off by the outage.
  const unexpected = errors.filter((error) => !/503|404|ERR_ABORTED/.test(error));
  check(`no unexpected page errors ${JSON.stringify(unexpected)}`, unexpected.length === 0);
  console.log('accepted', accepted.map((e) => `${e.type}:${e.adId ?? ''}`).join(' '));
} catch (error) {
  console.log('ERROR', error); console.log(nextLog.slice(-1500)); console.log('accepted', accepted, 'refused', refusedBatches, 'errors', errorsSeen);
} finally {
  console.log(results.join('\n'));
  await browser?.close();
  process.kill(-next.pid, 'SIGTERM');
  await gateway.close(100); standIn.close(); overlayService.close(); analytics.close(); redis.disconnect(); await publisher.close?.();
  setTimeout(() => process.exit(results.every((line) => line.startsWith('PASS')) ? 0 : 1), 500);
}
