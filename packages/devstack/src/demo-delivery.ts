import { randomUUID } from 'node:crypto';
import type { ApiClient } from '@gametriggers/api';

/**
 * What a live streamer's OBS overlay reports while it shows a campaign's ad, sent to the gateway's
 * public `/ingest` with the overlay's key like the page does: analytics counts the hour, the payment
 * service charges the brand and credits the streamer's (pending) earnings.
 */
export async function reportDemoDisplays(options: {
  gatewayUrl: string;
  streamer: ApiClient;
  participationId: string;
  campaignId: string;
  displays: number;
  viewers: number;
}) {
  const overlay = await options.streamer.overlay.get.query();
  if (!overlay.key) throw new Error('The demo streamer’s overlay has no key to report with');
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
