import type { EventEnvelope } from '../events/bus/index.ts';
import { NotificationDeliveryError } from './errors.ts';
import {
  type BucketNotifications,
  type DestinationKind,
  destinationsFor,
} from './notification-configuration.ts';
import { eventBridgeEvent, type ObjectChange, type S3Event, s3EventRecord, s3TestEvent } from './s3-event.ts';

/**
 * Where notifications go. The sandbox wires the Lambda runner (asynchronous invoke), fauxqs and
 * the EventBridge emulator; tests pass fakes. A method rejects when the destination refuses.
 */
export interface NotificationDestinations {
  invokeFunction?(functionArn: string, event: S3Event): Promise<void>;
  sendMessage?(queueArn: string, body: string): Promise<void>;
  publish?(topicArn: string, message: string, subject: string): Promise<void>;
  /** An `aws.s3` event for the account's default bus. */
  putEvents?(event: EventEnvelope): Promise<void>;
}

export interface DeliveryReport {
  readonly destinationArn: string;
  readonly eventName: string;
  readonly key?: string;
  readonly outcome: 'delivered' | 'failed';
  readonly attempts: number;
  readonly error?: NotificationDeliveryError;
}

export interface NotificationDispatcherOptions {
  readonly destinations: NotificationDestinations;
  readonly region: string;
  readonly accountId: string;
  /**
   * Waits before each retry, in simulated ms: S3 hands events to Lambda's asynchronous queue,
   * which retries twice, about 1 and 2 minutes apart. Real time = simulated × `timeFactor`.
   * @default { retryDelaysMs: [60_000, 120_000], timeFactor: 1 }
   */
  readonly retry?: { readonly retryDelaysMs: readonly number[]; readonly timeFactor: number };
  /** Sees every delivery outcome; by default failures are written to stderr as JSON lines. */
  readonly onReport?: (report: DeliveryReport) => void;
}

const DEFAULT_RETRY = { retryDelaysMs: [60_000, 120_000], timeFactor: 1 };
const SNS_SUBJECT = 'Amazon S3 Notification';

function reportToStderr(report: DeliveryReport): void {
  if (report.outcome !== 'failed') return;
  process.stderr.write(
    `${JSON.stringify({ level: 'ERROR', source: 's3-notifications', ...report, error: report.error?.message })}\n`,
  );
}

/**
 * Sends S3 event notifications after the front saw an object change: to each matching Lambda,
 * queue and topic (prefix/suffix filters applied), and to EventBridge when enabled. Deliveries
 * run in the background with S3's retries; `drain()` waits for them.
 *
 * @example
 * ```ts
 * const dispatcher = new NotificationDispatcher({ destinations, region: 'eu-west-1', accountId });
 * dispatcher.notify(change, buckets.notificationsOf('media'));
 * await dispatcher.drain();
 * ```
 */
export class NotificationDispatcher {
  readonly #options: NotificationDispatcherOptions;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: NotificationDispatcherOptions) {
    this.#options = options;
  }

  notify(change: ObjectChange, notifications: BucketNotifications): void {
    const location = { region: this.#options.region, accountId: this.#options.accountId };
    for (const destination of destinationsFor(notifications, change.eventName, change.key)) {
      const event: S3Event = { Records: [s3EventRecord(change, destination.id, location)] };
      this.#track(destination.arn, change.eventName, change.key, () =>
        this.#deliver(destination.kind, destination.arn, event),
      );
    }
    if (notifications.eventBridge) {
      const envelope = eventBridgeEvent(change, location);
      this.#track(
        `arn:aws:events:${location.region}:${location.accountId}:event-bus/default`,
        change.eventName,
        change.key,
        () => this.#required('putEvents', this.#options.destinations.putEvents)(envelope),
      );
    }
  }

  /** S3's `s3:TestEvent` to every queue and topic, sent when a configuration is applied. */
  sendTestEvents(bucket: string, notifications: BucketNotifications, requestId: string): void {
    const body = s3TestEvent(bucket, new Date(), requestId);
    for (const destination of notifications.destinations) {
      if (destination.kind === 'lambda') continue;
      this.#track(destination.arn, 's3:TestEvent', undefined, () =>
        destination.kind === 'sqs'
          ? this.#required('sendMessage', this.#options.destinations.sendMessage)(destination.arn, body)
          : this.#required('publish', this.#options.destinations.publish)(destination.arn, body, SNS_SUBJECT),
      );
    }
  }

  /** Resolves when every delivery started so far has succeeded or given up. */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  #deliver(kind: DestinationKind, arn: string, event: S3Event): Promise<void> {
    const { destinations } = this.#options;
    if (kind === 'lambda') return this.#required('invokeFunction', destinations.invokeFunction)(arn, event);
    const body = JSON.stringify(event);
    if (kind === 'sqs') return this.#required('sendMessage', destinations.sendMessage)(arn, body);
    return this.#required('publish', destinations.publish)(arn, body, SNS_SUBJECT);
  }

  #required<F extends (...args: never[]) => Promise<void>>(name: string, method: F | undefined): F {
    if (method !== undefined) return method;
    return (() =>
      Promise.reject(new Error(`the sandbox has no "${name}" destination wired`))) as unknown as F;
  }

  #track(
    destinationArn: string,
    eventName: string,
    key: string | undefined,
    send: () => Promise<void>,
  ): void {
    const delivery = this.#withRetries(destinationArn, eventName, key, send).finally(() => {
      this.#inFlight.delete(delivery);
    });
    this.#inFlight.add(delivery);
  }

  async #withRetries(
    destinationArn: string,
    eventName: string,
    key: string | undefined,
    send: () => Promise<void>,
  ): Promise<void> {
    const { retryDelaysMs, timeFactor } = this.#options.retry ?? DEFAULT_RETRY;
    const report = this.#options.onReport ?? reportToStderr;
    const base = { destinationArn, eventName, ...(key === undefined ? {} : { key }) };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await send();
        report({ ...base, outcome: 'delivered', attempts: attempt });
        return;
      } catch (cause) {
        const delay = retryDelaysMs[attempt - 1];
        if (delay === undefined) {
          const error = new NotificationDeliveryError(destinationArn, attempt, { cause });
          report({ ...base, outcome: 'failed', attempts: attempt, error });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay * timeFactor));
      }
    }
  }
}
