import { randomUUID } from 'node:crypto';
import type { ApiClient } from '@gametriggers/api';

/**
 * What a live streamer's OBS overlay reports while it shows a campaign's ad, sent to the gateway's
 * public `/ingest` with the overlay's key like the page does: analytics counts the hour, the payment
 * service charges the brand and credits the streamer's (pending) earnings.
 */
export interface DemoDisplays {
  gatewayUrl: string;
  streamer: ApiClient;
  participationId: string;
  campaignId: string;
  displays: number;
  viewers: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reports count only once the overlay knows the stream is live (the streamer service's sync reaches
 * it through events), so this waits for that first (up to 30 s) and reports nothing otherwise.
 */
export async function reportDemoDisplays(options: DemoDisplays, log: (line: string) => void) {
  const deadline = Date.now() + 30_000;
  let overlay = await options.streamer.overlay.get.query();
  while (!overlay.live && Date.now() < deadline) {
    await sleep(500);
    overlay = await options.streamer.overlay.get.query();
  }
  if (!overlay.live || !overlay.key) {
    log('Demo marketplace: a streamer was not seen live in time; their campaign shows no delivery');
    return;
  }
  const now = Date.now();
  const events = Array.from({ length: options.displays }, (_, index) => ({
    id: randomUUID(),
    type: 'display_start',
    at: new Date(now - (options.displays - index) * 1_000).toISOString(),
    adId: `demo-${options.campaignId}-${index}`,
    participationId: options.participationId,
    campaignId: options.campaignId,
    viewers: options.viewers,
  }));
  const response = await fetch(`${options.gatewayUrl.replace(/\/$/, '')}/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-overlay-key': overlay.key },
    body: JSON.stringify({ events }),
  });
  if (!response.ok) throw new Error(`Reporting the demo displays failed: HTTP ${response.status} ${await response.text()}`);
}
