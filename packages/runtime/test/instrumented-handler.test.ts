import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MetricUnit } from '../src/index.ts';
import { instrumentHandler } from '../src/instrumented-handler.ts';
import { createObservability, type Observability } from '../src/observability.ts';

const context = {
  functionName: 'stratum-test-fn',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:stratum-test-fn',
  memoryLimitInMB: '256',
  functionVersion: '$LATEST',
} as Context;

/** Every JSON line written to stdout while the test runs: log items and EMF documents alike. */
function captureStdout(): () => Record<string, unknown>[] {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const isEmf = (line: Record<string, unknown>) => '_aws' in line;
const logItems = (lines: Record<string, unknown>[]) => lines.filter((line) => !isEmf(line));
const metricNames = (lines: Record<string, unknown>[]) =>
  lines.filter(isEmf).flatMap((line) => {
    const aws = line._aws as { CloudWatchMetrics: { Metrics: { Name: string }[] }[] };
    return aws.CloudWatchMetrics.flatMap((directive) => directive.Metrics.map((metric) => metric.Name));
  });

type Event = { readonly correlationId?: string; readonly fail?: boolean };

/** A fresh trio per test, so that each test starts in a cold execution environment. */
function setUp(): { observability: Observability; handler: (event: Event) => Promise<string> } {
  // Powertools counts cold starts only in on-demand execution environments, as Lambda's are.
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  const observability = createObservability('runtime-test');
  const { logger, metrics } = observability;
  const inner = async (event: Event) => {
    logger.info('working');
    metrics.addMetric('Things', MetricUnit.Count, 1);
    if (event.fail) throw new Error('boom');
    return 'ok';
  };
  const wrapped = instrumentHandler(observability, inner, { correlationId: (event) => event.correlationId });
  return { observability, handler: (event) => wrapped(event, context) };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('instrumentHandler', () => {
  it('publishes the stored metrics after a successful invocation', async () => {
    const { observability, handler } = setUp();
    const output = captureStdout();
    const publish = vi.spyOn(observability.metrics, 'publishStoredMetrics');
    expect(await handler({})).toBe('ok');
    expect(publish).toHaveBeenCalledTimes(1);
    expect(metricNames(output())).toContain('Things');
  });

  it('publishes the stored metrics when the handler throws, and rethrows', async () => {
    const { observability, handler } = setUp();
    const output = captureStdout();
    const publish = vi.spyOn(observability.metrics, 'publishStoredMetrics');
    await expect(handler({ fail: true })).rejects.toThrow('boom');
    expect(publish).toHaveBeenCalledTimes(1);
    expect(metricNames(output())).toContain('Things');
    expect(observability.metrics.hasStoredMetrics()).toBe(false);
  });

  it('writes nothing, not even a warning, for an invocation without metrics, and leaks no dimension', async () => {
    const observability = createObservability('runtime-test');
    const { metrics } = observability;
    const output = captureStdout();
    const quiet = instrumentHandler(observability, async (write: boolean) => {
      if (write) {
        metrics.addDimension('operation', 'write');
        metrics.addMetric('Writes', MetricUnit.Count, 1);
      } else {
        metrics.addDimension('stale', 'read');
      }
    });
    await quiet(false, context);
    expect(output()).toEqual([]);
    await quiet(true, context);
    const lines = output();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual(expect.objectContaining({ operation: 'write', Writes: 1 }));
    expect(lines[0]).not.toHaveProperty('stale');
  });

  it('emits the cold-start metric on the first invocation only', async () => {
    const { handler } = setUp();
    const output = captureStdout();
    await handler({});
    await handler({});
    await handler({});
    const names = metricNames(output());
    expect(names.filter((name) => name === 'ColdStart')).toHaveLength(1);
    expect(names.filter((name) => name === 'Things')).toHaveLength(3);
  });

  it('adds the Lambda context and the correlation id to the logs of that invocation only', async () => {
    const { handler } = setUp();
    const output = captureStdout();
    await handler({ correlationId: 'corr-1' });
    await expect(handler({ fail: true })).rejects.toThrow();
    await handler({ correlationId: 'corr-3' });
    const logs = logItems(output());
    expect(logs.map((log) => log.correlationId)).toEqual(['corr-1', undefined, 'corr-3']);
    expect(logs[0]).toEqual(
      expect.objectContaining({
        function_request_id: 'req-1',
        function_name: 'stratum-test-fn',
        cold_start: true,
      }),
    );
    expect(logs[2]).toEqual(expect.objectContaining({ cold_start: false }));
  });

  it('does not touch X-Ray when tracing is disabled (outside Lambda, in the sandbox)', async () => {
    const { observability, handler } = setUp();
    captureStdout();
    expect(observability.tracer.isTracingEnabled()).toBe(false);
    const getSegment = vi.spyOn(observability.tracer, 'getSegment');
    await handler({});
    expect(getSegment).not.toHaveBeenCalled();
  });

  describe('with tracing enabled', () => {
    function tracedSetUp() {
      const { observability, handler } = setUp();
      const { tracer } = observability;
      const subsegment = { close: vi.fn() };
      const facade = { addNewSubsegment: vi.fn(() => subsegment) };
      vi.spyOn(tracer, 'isTracingEnabled').mockReturnValue(true);
      vi.spyOn(tracer, 'getSegment').mockReturnValue(facade as never);
      const spies = {
        setSegment: vi.spyOn(tracer, 'setSegment').mockImplementation(() => undefined),
        annotateColdStart: vi.spyOn(tracer, 'annotateColdStart').mockImplementation(() => undefined),
        addServiceName: vi.spyOn(tracer, 'addServiceNameAnnotation').mockImplementation(() => undefined),
        response: vi.spyOn(tracer, 'addResponseAsMetadata').mockImplementation(() => undefined),
        error: vi.spyOn(tracer, 'addErrorAsMetadata').mockImplementation(() => undefined),
      };
      captureStdout();
      return { handler, facade, subsegment, spies };
    }

    it('runs the handler in an annotated "## handler" subsegment and records the response', async () => {
      vi.stubEnv('_HANDLER', 'index.handler');
      const { handler, facade, subsegment, spies } = tracedSetUp();
      await handler({});
      expect(facade.addNewSubsegment).toHaveBeenCalledWith('## index.handler');
      expect(spies.setSegment.mock.calls).toEqual([[subsegment], [facade]]);
      expect(spies.annotateColdStart).toHaveBeenCalledOnce();
      expect(spies.addServiceName).toHaveBeenCalledOnce();
      expect(spies.response).toHaveBeenCalledWith('ok', 'index.handler');
      expect(subsegment.close).toHaveBeenCalledOnce();
    });

    it('records the error, closes the subsegment and restores the facade segment on failure', async () => {
      const { handler, facade, subsegment, spies } = tracedSetUp();
      await expect(handler({ fail: true })).rejects.toThrow('boom');
      expect(spies.error).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
      expect(spies.response).not.toHaveBeenCalled();
      expect(subsegment.close).toHaveBeenCalledOnce();
      expect(spies.setSegment).toHaveBeenLastCalledWith(facade);
    });
  });
});
