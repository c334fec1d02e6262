import { gatewayMetricsPort, serviceUrl, services } from '@gametriggers/devstack';
import { metricSample } from '@gametriggers/testing';
import { describe, expect, it } from 'vitest';

// The whole platform as `pnpm dev` runs it (seeded): what Prometheus would scrape from each process.
const withOutboxRelay = new Set(['identity', 'brand', 'streamer', 'campaign', 'participation', 'analytics', 'payment', 'asset', 'admin']);
const businessMetrics: Record<string, string[]> = {
  identity: ['gametriggers_signups_total'],
  analytics: ['gametriggers_impressions_counted_total', 'gametriggers_clicks_counted_total'],
  payment: ['gametriggers_charges_posted_total', 'gametriggers_charged_cents_total'],
  overlay: ['gametriggers_live_overlays'],
};

async function scrape(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

const declared = (text: string, name: string, type: string) => text.includes(`# TYPE ${name} ${type}\n`);

describe('metrics of every service', () => {
  it.each(services.map((entry) => [entry.name, entry] as const))('%s serves the kit’s metrics and its own', async (name, entry) => {
    const text = await scrape(`${serviceUrl(entry)}/metrics`);
    expect(declared(text, 'http_request_duration_seconds', 'histogram')).toBe(true);
    expect(declared(text, 'trpc_procedure_duration_seconds', 'histogram')).toBe(true);
    expect(declared(text, 'trpc_procedure_calls_total', 'counter')).toBe(true);
    for (const state of ['total', 'idle', 'waiting']) {
      expect(metricSample(text, 'db_pool_connections', { state, service: name })).toBeGreaterThanOrEqual(0);
    }
    // Its event queue, by state, with its oldest job's age and its dead letters.
    const queue = `events.${name}`;
    for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
      expect(metricSample(text, 'bullmq_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
    }
    expect(metricSample(text, 'bullmq_queue_oldest_waiting_age_seconds', { queue })).toBeGreaterThanOrEqual(0);
    expect(metricSample(text, 'bullmq_dead_letter_jobs', { queue })).toBeGreaterThanOrEqual(0);
    if (withOutboxRelay.has(name)) {
      expect(metricSample(text, 'outbox_pending_events')).toBeGreaterThanOrEqual(0);
      expect(metricSample(text, 'outbox_oldest_pending_timestamp_seconds')).toBeGreaterThanOrEqual(0);
    }
    for (const metric of businessMetrics[name] ?? []) {
      expect(text, metric).toMatch(new RegExp(`^# TYPE ${metric} (counter|gauge)$`, 'm'));
    }
  });

  it('the seeded sign-ups are counted by role', async () => {
    const identity = services.find((entry) => entry.name === 'identity');
    const text = await scrape(`${serviceUrl(identity!)}/metrics`);
    expect(metricSample(text, 'gametriggers_signups_total', { role: 'brand' })).toBeGreaterThan(0);
    expect(metricSample(text, 'gametriggers_signups_total', { role: 'streamer' })).toBeGreaterThan(0);
  });

  it('the gateway serves its own on the internal listener', async () => {
    const text = await scrape(`http://127.0.0.1:${gatewayMetricsPort}/metrics`);
    expect(declared(text, 'gateway_request_duration_seconds', 'histogram')).toBe(true);
  });
});
