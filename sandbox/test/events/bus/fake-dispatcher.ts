import {
  EventBusEmulator,
  type EventBusEmulatorOptions,
  type TargetDispatcher,
} from '../../../src/events/bus/index.ts';
import type { SqsMessage } from '../../../src/events/bus/target-dispatcher.ts';

export const LOCATION = { account: '123456789012', region: 'eu-west-1' } as const;
export const fnArn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`;
export const queueArn = (name: string) => `arn:aws:sqs:eu-west-1:123456789012:${name}`;
export const topicArn = (name: string) => `arn:aws:sns:eu-west-1:123456789012:${name}`;

/** Records every call by target ARN; `failures` makes a target throw that many times (or forever). */
export class FakeDispatcher implements TargetDispatcher {
  readonly calls: { arn: string; body: string; message?: SqsMessage }[] = [];
  readonly failures = new Map<string, { remaining: number; error: () => Error }>();

  #maybeFail(arn: string): void {
    const failure = this.failures.get(arn);
    if (failure !== undefined && failure.remaining > 0) {
      failure.remaining -= 1;
      throw failure.error();
    }
  }

  async lambda({ functionArn, payload }: { functionArn: string; payload: string }): Promise<void> {
    this.calls.push({ arn: functionArn, body: payload });
    this.#maybeFail(functionArn);
  }

  async sqs(message: SqsMessage): Promise<void> {
    this.calls.push({ arn: message.queueArn, body: message.body, message });
    this.#maybeFail(message.queueArn);
  }

  async sns({ topicArn: arn, message }: { topicArn: string; message: string }): Promise<void> {
    this.calls.push({ arn, body: message });
    this.#maybeFail(arn);
  }

  bodiesFor(arn: string): unknown[] {
    return this.calls.filter((call) => call.arn === arn).map((call) => JSON.parse(call.body));
  }
}

export function busWith(dispatcher: TargetDispatcher, options: Partial<EventBusEmulatorOptions> = {}) {
  return new EventBusEmulator({
    location: LOCATION,
    dispatcher,
    retrySchedule: { timeFactor: 0.0005 },
    ...options,
  });
}

export function entry(detail: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return { Source: 'stratum.todo', DetailType: 'TodoCreated', Detail: JSON.stringify(detail), ...overrides };
}
