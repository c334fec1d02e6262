import { ROOT_CONTEXT, SpanStatusCode, context, propagation } from '@opentelemetry/api';
import type { Context, Span } from '@opentelemetry/api';

/**
 * The W3C trace context an event carries from the change that recorded it, through the relay, to
 * each consumer: one trace per user action. Empty, and never written, while tracing is off.
 */
export interface EventTrace {
  traceparent: string;
  tracestate?: string;
}

/** Where an outbox row keeps its trace: beside the payload, so no outbox table needs a column. */
export const OUTBOX_TRACE_KEY = '$trace';

/** The current span's context, to store with an event; undefined outside a span or when off. */
export function currentEventTrace(): EventTrace | undefined {
  return eventTraceOf(context.active());
}

export function eventTraceOf(ctx: Context): EventTrace | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  if (!carrier.traceparent) return undefined;
  return carrier.tracestate
    ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate }
    : { traceparent: carrier.traceparent };
}

/** The context an event's spans continue; the root (a new trace) when it carries none. */
export function contextOfEventTrace(trace: unknown): Context {
  if (!trace || typeof trace !== 'object') return ROOT_CONTEXT;
  const { traceparent, tracestate } = trace as Record<string, unknown>;
  if (typeof traceparent !== 'string') return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent };
  if (typeof tracestate === 'string') carrier.tracestate = tracestate;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** A payload as the outbox stores it: with the trace under its own key when there is one. */
export function storedPayload(payload: unknown, trace: EventTrace | undefined): string {
  const plainObject = payload !== null && typeof payload === 'object' && !Array.isArray(payload);
  return JSON.stringify(trace && plainObject ? { ...payload, [OUTBOX_TRACE_KEY]: trace } : payload);
}

/** Splits what the outbox stored back into the payload and its trace. */
export function splitStoredPayload(stored: unknown): { payload: unknown; trace: unknown } {
  if (stored === null || typeof stored !== 'object' || !(OUTBOX_TRACE_KEY in stored)) {
    return { payload: stored, trace: undefined };
  }
  const { [OUTBOX_TRACE_KEY]: trace, ...payload } = stored as Record<string, unknown>;
  return { payload, trace };
}

/** Runs `work`, marks `span` failed if it throws, and ends it either way. */
export async function endingSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
