import { describe, expect, it } from 'vitest';
import { InvalidEnvironmentError } from './env';
import { tracingConfigFromEnv } from './tracing';

describe('tracingConfigFromEnv', () => {
  it('is off without an OTLP endpoint, and with empty variables', () => {
    expect(tracingConfigFromEnv('campaign', {})).toBeUndefined();
    expect(
      tracingConfigFromEnv('campaign', { OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: '' }),
    ).toBeUndefined();
  });

  it('sends spans to <endpoint>/v1/traces, named after the service, all recorded by default', () => {
    expect(
      tracingConfigFromEnv('campaign', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }),
    ).toEqual({
      serviceName: 'campaign',
      exporter: { otlpUrl: 'http://collector:4318/v1/traces' },
      sampler: { ratio: 1, parentBased: true },
    });
  });

  it('takes a traces endpoint as it is, a service name, and the standard samplers', () => {
    expect(
      tracingConfigFromEnv('campaign', {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/custom/traces',
        OTEL_SERVICE_NAME: 'campaign-eu',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toEqual({
      serviceName: 'campaign-eu',
      exporter: { otlpUrl: 'http://collector:4318/custom/traces' },
      sampler: { ratio: 0.25, parentBased: true },
    });
    const otlp = { OTEL_TRACES_EXPORTER: 'otlp' };
    expect(tracingConfigFromEnv('x', otlp)?.exporter).toEqual({
      otlpUrl: 'http://localhost:4318/v1/traces',
    });
    expect(tracingConfigFromEnv('x', { ...otlp, OTEL_TRACES_SAMPLER: 'always_off' })?.sampler).toEqual({
      ratio: 0,
      parentBased: false,
    });
    expect(
      tracingConfigFromEnv('x', { ...otlp, OTEL_TRACES_SAMPLER: 'traceidratio' })?.sampler,
    ).toEqual({ ratio: 1, parentBased: false });
  });

  it('stays off when told so, whatever else is set', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(tracingConfigFromEnv('x', { ...endpoint, OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(tracingConfigFromEnv('x', { ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
  });

  it('refuses values it cannot use, all at once', () => {
    try {
      tracingConfigFromEnv('campaign', {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
        OTEL_TRACES_SAMPLER: 'sometimes',
        OTEL_TRACES_SAMPLER_ARG: '2',
      });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      const message = (error as Error).message;
      expect(message).toContain('OTEL_EXPORTER_OTLP_ENDPOINT is invalid');
      expect(message).toContain('OTEL_TRACES_SAMPLER is invalid');
      expect(message).toContain('OTEL_TRACES_SAMPLER_ARG is invalid');
    }
  });
});
