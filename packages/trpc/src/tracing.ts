import { context, isSpanContextValid, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import type { Sampler, SpanExporter } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { z } from 'zod';
import { parseEnv } from './env';

/**
 * Tracing is off unless an OTLP endpoint is configured. Off, nothing is registered: the
 * OpenTelemetry API stays its no-op self, spans cost an object each, and nothing is propagated.
 */
export interface TracingConfig {
  /** `service.name` of every span this process exports. */
  serviceName: string;
  /** An OTLP/HTTP traces URL (`…/v1/traces`, JSON bodies), or an exporter of the caller's (tests). */
  exporter: { otlpUrl: string } | { spanExporter: SpanExporter };
  /** Which new traces are recorded; `parentBased`: a trace begun upstream keeps the caller's decision. */
  sampler: { ratio: number; parentBased: boolean };
}

const ratio = z.coerce.number().min(0).max(1);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' });
const tracingEnvSchema = z.object({
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_TRACES_SAMPLER: z
    .enum([
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ])
    .default('parentbased_always_on'),
  OTEL_TRACES_SAMPLER_ARG: ratio.optional(),
});

/** The collector's OTLP/HTTP port on this machine, when only `OTEL_TRACES_EXPORTER=otlp` is set. */
const DEFAULT_OTLP_TRACES_URL = 'http://localhost:4318/v1/traces';

/**
 * Reads the standard OpenTelemetry variables: tracing is on when `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (spans go to `<it>/v1/traces`), `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (as is) or
 * `OTEL_TRACES_EXPORTER=otlp` is set, and off otherwise, or with `OTEL_SDK_DISABLED=true` or
 * `OTEL_TRACES_EXPORTER=none`. Invalid values stop the process with the others' problems.
 */
export function tracingConfigFromEnv(
  serviceName: string,
  source: Record<string, string | undefined> = process.env,
): TracingConfig | undefined {
  // An empty variable (a template's placeholder) counts as unset, as the OpenTelemetry SDKs read it.
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const env = parseEnv(serviceName, tracingEnvSchema, set);
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return undefined;
  const otlpUrl =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`
      : env.OTEL_TRACES_EXPORTER === 'otlp'
        ? DEFAULT_OTLP_TRACES_URL
        : undefined);
  if (!otlpUrl) return undefined;
  const sampler = env.OTEL_TRACES_SAMPLER;
  return {
    serviceName: env.OTEL_SERVICE_NAME ?? serviceName,
    exporter: { otlpUrl },
    sampler: {
      parentBased: sampler.startsWith('parentbased_'),
      ratio: sampler.endsWith('always_off')
        ? 0
        : sampler.endsWith('traceidratio')
          ? (env.OTEL_TRACES_SAMPLER_ARG ?? 1)
          : 1,
    },
  };
}

function samplerOf(config: TracingConfig['sampler']): Sampler {
  const root =
    config.ratio >= 1
      ? new AlwaysOnSampler()
      : config.ratio <= 0
        ? new AlwaysOffSampler()
        : new TraceIdRatioBasedSampler(config.ratio);
  return config.parentBased ? new ParentBasedSampler({ root }) : root;
}

export interface ActiveTracing {
  serviceName: string;
  /** Exports the spans ended so far (before a process exits, or a test reads its collector). */
  flush(): Promise<void>;
}

let active: { provider: NodeTracerProvider; tracing: ActiveTracing } | undefined;

/**
 * Registers the process's tracer provider (OTLP export, W3C `traceparent` propagation, an
 * AsyncLocalStorage context) and returns it; without a config, registers nothing. One provider per
 * process: a second call (tests run several services in one process) returns the first.
 */
export function startTracing(config: TracingConfig | undefined): ActiveTracing | undefined {
  if (active || !config) return active?.tracing;
  const exporter =
    'otlpUrl' in config.exporter
      ? new OTLPTraceExporter({ url: config.exporter.otlpUrl })
      : config.exporter.spanExporter;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
    sampler: samplerOf(config.sampler),
    spanProcessors: [
      'otlpUrl' in config.exporter
        ? new BatchSpanProcessor(exporter)
        : new SimpleSpanProcessor(exporter),
    ],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  active = {
    provider,
    tracing: { serviceName: config.serviceName, flush: () => provider.forceFlush() },
  };
  return active.tracing;
}

/** Whether this process records and propagates traces. */
export function tracingActive(): boolean {
  return active !== undefined;
}

/** Flushes and unregisters the provider (a process's last step; tests that start tracing anew). */
export async function stopTracing(): Promise<void> {
  if (!active) return;
  const { provider } = active;
  active = undefined;
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

/** `traceparent` (and `tracestate`) of the current span, for a request or message; empty when off. */
export function currentTraceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** `traceId`/`spanId` of the current span, for a log line; nothing outside a span or when off. */
export function currentTraceFields(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const spanContext = span.spanContext();
  return isSpanContextValid(spanContext)
    ? { traceId: spanContext.traceId, spanId: spanContext.spanId }
    : {};
}
