/**
 * How the bus reaches its targets, one method per target service. The sandbox wires the real
 * engines (Lambda runner, fauxqs SQS/SNS); tests pass fakes. A method rejects with a
 * `TargetDeliveryError` (or any error) when the target refuses the event; the bus then retries,
 * and finally sends the event to the target's dead-letter queue through `sqs`.
 *
 * @example
 * ```ts
 * const dispatcher: TargetDispatcher = {
 *   lambda: ({ functionArn, payload }) => runner.invokeAsync(functionArn, payload),
 *   sqs: (message) => queues.send(message.queueArn, message.body, message),
 *   sns: ({ topicArn, message }) => topics.publish(topicArn, message),
 * };
 * ```
 */
export interface TargetDispatcher {
  /** Asynchronous invocation (`InvocationType: Event`): resolves once the function accepted the event. */
  lambda?(request: LambdaInvocation): Promise<void>;
  sqs?(request: SqsMessage): Promise<void>;
  sns?(request: SnsPublication): Promise<void>;
  /**
   * A bus this emulator does not own. Buses it owns (same account and region) are delivered
   * to directly, without the dispatcher.
   */
  events?(request: BusForward): Promise<void>;
}

export interface LambdaInvocation {
  /** The function ARN, possibly with a version or alias qualifier. */
  readonly functionArn: string;
  readonly payload: string;
}

export interface SqsMessage {
  readonly queueArn: string;
  readonly body: string;
  /** Set for FIFO queues, from the target's `SqsParameters.MessageGroupId`. */
  readonly messageGroupId?: string;
  /** Set for FIFO queues: the event id, as EventBridge does. */
  readonly messageDeduplicationId?: string;
  /** String attributes; the bus sets `RULE_ARN`, `TARGET_ARN`, `ERROR_CODE`, ... on dead letters. */
  readonly messageAttributes?: Readonly<Record<string, string>>;
}

export interface SnsPublication {
  readonly topicArn: string;
  readonly message: string;
}

export interface BusForward {
  readonly busArn: string;
  /** The event envelope as JSON (an event bus target always receives the event itself). */
  readonly event: string;
}

/** The target services the bus delivers to. */
export const TARGET_SERVICES = ['lambda', 'sqs', 'sns', 'events'] as const;
export type TargetService = (typeof TARGET_SERVICES)[number];
