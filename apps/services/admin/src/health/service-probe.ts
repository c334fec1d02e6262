import { z } from 'zod';

const readinessBody = z.object({ status: z.string(), checks: z.record(z.string(), z.string()) });

export interface OutboxLag {
  pending: number;
  oldestPendingAt: Date | null;
}

export interface ServiceProbe {
  /** `up`: ready; `degraded`: answers but a readiness check fails; `down`: no answer in time. */
  status: 'up' | 'degraded' | 'down';
  latencyMs: number | null;
  checks: Record<string, string>;
  error: string | null;
  outbox: OutboxLag | null;
}

/** A gauge's value from Prometheus text (`name{labels} value`); undefined when absent. */
function gaugeValue(metrics: string, name: string): number | undefined {
  const line = metrics
    .split('\n')
    .find((text) => text.startsWith(`${name}{`) || text.startsWith(`${name} `));
  const value = line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

/** The outbox gauges the service kit serves on `/metrics`; null for a service without an outbox. */
export function outboxLagOf(metrics: string): OutboxLag | null {
  const pending = gaugeValue(metrics, 'outbox_pending_events');
  if (pending === undefined) return null;
  const oldestSeconds = gaugeValue(metrics, 'outbox_oldest_pending_timestamp_seconds') ?? 0;
  return { pending, oldestPendingAt: oldestSeconds > 0 ? new Date(oldestSeconds * 1000) : null };
}

/** Asks a service's `/readyz` (timed) and `/metrics`, each within `timeoutMs`; never throws. */
export async function probeService(url: string, timeoutMs: number): Promise<ServiceProbe> {
  const base = url.replace(/\/$/, '');
  const started = performance.now();
  try {
    const metrics = fetch(`${base}/metrics`, { signal: AbortSignal.timeout(timeoutMs) })
      .then((res) => (res.ok ? res.text() : ''))
      .catch(() => '');
    const ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(timeoutMs) });
    const latencyMs = Math.round(performance.now() - started);
    const body = readinessBody.safeParse(await ready.json().catch(() => null));
    const checks = body.success ? body.data.checks : {};
    return {
      status: ready.status === 200 ? 'up' : 'degraded',
      latencyMs,
      checks,
      error: ready.status === 200 ? null : body.success ? body.data.status : `HTTP ${ready.status}`,
      outbox: outboxLagOf(await metrics),
    };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      status: 'down',
      latencyMs: null,
      checks: {},
      error: timedOut ? `no answer within ${timeoutMs} ms` : 'not reachable',
      outbox: null,
    };
  }
}
