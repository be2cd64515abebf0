import { describe, expect, it } from 'vitest';
import { AsyncInvoker } from '../../src/lambda/async-invoker.ts';
import {
  AsyncInvokeConfigs,
  eventInvokeConfigProviders,
  type InvocationRecord,
} from '../../src/lambda/event-invoke-configs.ts';
import type { LambdaRunner } from '../../src/lambda/lambda-runner.ts';
import type { ProvisionContext } from '../../src/template/index.ts';

const ARN = 'arn:aws:lambda:eu-west-1:000000000000:function:analytics';
const QUEUE = 'arn:aws:sqs:eu-west-1:000000000000:analytics-failures';

/** A runner whose function fails its first `failures` invocations, recording each event. */
function fakeRunner(failures: number) {
  const calls: unknown[] = [];
  const runner = {
    has: (arn: string) => arn === ARN,
    invoke: async (_arn: string, { event }: { event: unknown }) => {
      calls.push(event);
      return calls.length <= failures
        ? { functionError: 'Unhandled', payload: '{"errorType":"Boom","errorMessage":"no"}' }
        : { payload: '"ok"' };
    },
  } as unknown as LambdaRunner;
  return { runner, calls };
}

function configured(properties: Record<string, unknown>): AsyncInvokeConfigs {
  const configs = new AsyncInvokeConfigs();
  const provider = eventInvokeConfigProviders(configs)['AWS::Lambda::EventInvokeConfig'];
  provider?.create('Config', properties, {} as ProvisionContext);
  return configs;
}

describe('EventInvokeConfig in the sandbox', () => {
  it('records retries, event age and destinations by function name, with Lambda’s defaults otherwise', () => {
    const configs = configured({
      FunctionName: 'analytics',
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 60,
      DestinationConfig: { OnFailure: { Destination: QUEUE } },
    });
    expect(configs.get(ARN)).toEqual({
      maximumRetryAttempts: 0,
      maximumEventAgeMs: 60_000,
      onFailure: QUEUE,
    });
    expect(configs.get(`${ARN.replace('analytics', 'other')}`)).toEqual({
      maximumRetryAttempts: 2,
      maximumEventAgeMs: 21_600_000,
    });
    expect(() => configured({ FunctionName: 'analytics', Qualifier: 'live' })).toThrow(/\$LATEST only/);
  });

  it('retries as configured, then sends Lambda’s invocation record to the on-failure destination', async () => {
    const configs = configured({
      FunctionName: ARN,
      MaximumRetryAttempts: 1,
      DestinationConfig: { OnFailure: { Destination: QUEUE } },
    });
    const { runner, calls } = fakeRunner(5);
    const delivered: [string, InvocationRecord][] = [];
    const invoker = new AsyncInvoker(runner, {
      retryDelaysMs: [1, 1],
      configFor: (arn) => configs.get(arn),
      deliver: async (destination, record) => {
        delivered.push([destination, record]);
      },
    });
    await invoker.invoke(ARN, { id: 'e1' });
    await invoker.drain();
    expect(calls).toHaveLength(2);
    expect(delivered).toHaveLength(1);
    const [destination, record] = delivered[0] ?? [];
    expect(destination).toBe(QUEUE);
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: {
        functionArn: `${ARN}:$LATEST`,
        condition: 'RetriesExhausted',
        approximateInvokeCount: 2,
      },
      requestPayload: { id: 'e1' },
      responseContext: { statusCode: 200, functionError: 'Unhandled' },
      responsePayload: { errorType: 'Boom', errorMessage: 'no' },
    });
  });

  it('sends nothing when a retry succeeds, and never retries with zero attempts', async () => {
    const configs = configured({
      FunctionName: 'analytics',
      DestinationConfig: { OnFailure: { Destination: QUEUE } },
    });
    const once = fakeRunner(1);
    const delivered: string[] = [];
    const deliver = async (destination: string) => {
      delivered.push(destination);
    };
    const invoker = new AsyncInvoker(once.runner, {
      retryDelaysMs: [1, 1],
      configFor: (a) => configs.get(a),
      deliver,
    });
    await invoker.invoke(ARN, {});
    await invoker.drain();
    expect(once.calls).toHaveLength(2);
    expect(delivered).toEqual([]);

    const noRetry = configured({ FunctionName: 'analytics', MaximumRetryAttempts: 0 });
    const failing = fakeRunner(9);
    const strict = new AsyncInvoker(failing.runner, {
      retryDelaysMs: [1],
      configFor: (a) => noRetry.get(a),
      deliver,
    });
    await strict.invoke(ARN, {});
    await strict.drain();
    expect(failing.calls).toHaveLength(1);
    expect(delivered).toEqual([]);
  });
});
