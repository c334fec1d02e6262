import { pino } from 'pino';
import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import { currentTraceFields } from './tracing';

export type { Logger };

/**
 * JSON logs on stdout; every line carries the service name, request lines carry `requestId`, and
 * lines written inside a traced request or job carry its `traceId` and `spanId`.
 */
export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? 'info',
  /** Where lines go (default stdout); tests read them back. */
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: currentTraceFields,
    redact: [
      'req.headers.authorization',
      'req.headers["x-service-token"]',
      '*.password',
      '*.token',
    ],
  };
  return destination ? pino(options, destination) : pino(options);
}
