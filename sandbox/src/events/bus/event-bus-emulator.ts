import { matches } from '../pattern/index.ts';
import { type BusActivity, type BusObserver, RecentEvents } from './bus-observer.ts';
import { EventsDefinitionError, TargetDeliveryError, UnknownEventsResourceError } from './errors.ts';
import { type EventArchive, readEventArchive } from './event-archive.ts';
import { asReplayed, type BusEvent, type EventEnvelope } from './event-envelope.ts';
import { type EventRule, readEventRule } from './event-rule.ts';
import { busNameOf, type EventsLocation, eventBusArn, parseArn } from './events-arn.ts';
import {
  assertRequestShape,
  checkEntry,
  type PutEventsRequestEntry,
  type PutEventsResult,
  type PutEventsResultEntry,
} from './put-events-entry.ts';
import { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from './retry-schedule.ts';
import type { RuleTarget } from './rule-target.ts';
import { deliverToTarget } from './target-delivery.ts';
import type { TargetDispatcher } from './target-dispatcher.ts';

export interface EventBusEmulatorOptions {
  /** The account and region of every bus, rule and archive (the sandbox's stage environment). */
  readonly location: EventsLocation;
  readonly dispatcher?: TargetDispatcher;
  /** @default 1 s doubling to 3 min, timeFactor 1 */
  readonly retrySchedule?: Partial<RetrySchedule>;
  /** How many accepted events `recentEvents()` keeps. @default 200 */
  readonly recentEventsCapacity?: number;
  readonly now?: () => Date;
}

export interface EventBusInfo {
  readonly name: string;
  readonly arn: string;
}

export interface StartReplayRequest {
  readonly ReplayName: string;
  /** The archive's ARN. */
  readonly EventSourceArn: string;
  readonly EventStartTime: Date;
  readonly EventEndTime: Date;
  /** The archive's own bus; `FilterArns` limits the replay to these rules. */
  readonly Destination: { readonly Arn: string; readonly FilterArns?: readonly string[] };
}

const BUS_NAME = /^[.\-_A-Za-z0-9]{1,256}$/;

/**
 * EventBridge in memory: the `default` bus and custom buses, rules (pattern, state, targets),
 * archives and replays, PutEvents, and asynchronous delivery with retries and DLQs through a
 * `TargetDispatcher`. `drain()` waits until every delivery has finished.
 *
 * @example
 * ```ts
 * const bus = new EventBusEmulator({ location: { account: '123456789012', region: 'eu-west-1' }, dispatcher });
 * bus.createRule({ EventPattern: { source: ['stratum.todo'] }, Targets: [{ Id: 'fn', Arn: fnArn }] }, 'OnTodo');
 * bus.putEvents([{ Source: 'stratum.todo', DetailType: 'TodoCreated', Detail: '{"id":"1"}' }]);
 * await bus.drain();
 * ```
 */
export class EventBusEmulator {
  readonly #location: EventsLocation;
  readonly #dispatcher: TargetDispatcher;
  readonly #schedule: RetrySchedule;
  readonly #now: () => Date;
  readonly #buses = new Map<string, EventBusInfo>();
  readonly #rules = new Map<string, EventRule>();
  readonly #archives = new Map<string, EventArchive>();
  readonly #replays = new Set<string>();
  readonly #observers = new Set<BusObserver>();
  readonly #recent: RecentEvents;
  readonly #pending = new Set<Promise<void>>();

  constructor(options: EventBusEmulatorOptions) {
    this.#location = options.location;
    this.#dispatcher = options.dispatcher ?? {};
    this.#schedule = { ...DEFAULT_RETRY_SCHEDULE, ...options.retrySchedule };
    this.#now = options.now ?? (() => new Date());
    this.#recent = new RecentEvents(options.recentEventsCapacity ?? 200);
    this.#buses.set('default', { name: 'default', arn: eventBusArn(this.#location, 'default') });
  }

  /** Creates a custom bus from `AWS::Events::EventBus` properties. Partner buses are not emulated. */
  createEventBus(properties: Readonly<Record<string, unknown>>): EventBusInfo {
    const name = properties.Name;
    const problems: string[] = [];
    if (typeof name !== 'string' || !BUS_NAME.test(name))
      problems.push('Name must be 1-256 of [.-_A-Za-z0-9]');
    else if (this.#buses.has(name)) problems.push(`a bus named "${name}" already exists`);
    if (properties.EventSourceName !== undefined)
      problems.push('partner event buses (EventSourceName) are not emulated');
    if (problems.length > 0 || typeof name !== 'string')
      throw new EventsDefinitionError(`EventBus ${String(name)}`, problems);
    const bus = { name, arn: eventBusArn(this.#location, name) };
    this.#buses.set(name, bus);
    return bus;
  }

  /** Creates a rule from `AWS::Events::Rule` properties; a bad pattern or target fails here. */
  createRule(properties: Readonly<Record<string, unknown>>, defaultName: string): EventRule {
    const rule = readEventRule(properties, defaultName, this.#location);
    this.#bus(rule.busName);
    if (this.#rules.has(rule.arn))
      throw new EventsDefinitionError(`Rule ${rule.name}`, [
        'a rule with this name already exists on the bus',
      ]);
    this.#rules.set(rule.arn, rule);
    return rule;
  }

  /** Creates an archive from `AWS::Events::Archive` properties. */
  createArchive(properties: Readonly<Record<string, unknown>>, defaultName: string): EventArchive {
    const archive = readEventArchive(properties, defaultName, this.#location);
    this.#bus(archive.busName);
    if (this.#archives.has(archive.name))
      throw new EventsDefinitionError(`Archive ${archive.name}`, ['already exists']);
    this.#archives.set(archive.name, archive);
    return archive;
  }

  /**
   * PutEvents: each entry is validated and routed on its own, so bad entries fail alone. Returns
   * before any target runs. Throws `PutEventsValidationError` for a request EventBridge refuses whole.
   */
  putEvents(entries: readonly PutEventsRequestEntry[]): PutEventsResult {
    assertRequestShape(entries);
    const context = {
      location: this.#location,
      busExists: (name: string) => this.#buses.has(name),
      now: this.#now,
    };
    const results: PutEventsResultEntry[] = entries.map((entry) => {
      const verdict = checkEntry(entry, context);
      if (!verdict.ok) return { ErrorCode: verdict.ErrorCode, ErrorMessage: verdict.ErrorMessage };
      this.#route({ ...verdict.entry, ingestionTime: this.#now() });
      return { EventId: verdict.entry.envelope.id };
    });
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  }

  /**
   * An event an AWS service emits (S3 "Object Created", MediaConvert "Job State Change"): it goes to
   * the account's `default` bus with its `aws.*` source, which PutEvents refuses from callers.
   */
  putServiceEvent(envelope: EventEnvelope): void {
    if (!envelope.source.startsWith('aws.')) {
      throw new EventsDefinitionError(`Service event ${envelope.id}`, [
        `source must be an AWS service (aws.*), got "${envelope.source}"`,
      ]);
    }
    this.#route({ envelope, busName: 'default', ingestionTime: this.#now() });
  }

  /**
   * Sends the archived events of a time window to the archive's bus again, each marked with
   * `replay-name`; only rules (all, or those in `FilterArns`) receive them. Resolves once every
   * event is routed; deliveries go on asynchronously, as with PutEvents.
   */
  async startReplay(
    request: StartReplayRequest,
  ): Promise<{ ReplayArn: string; State: 'COMPLETED'; EventCount: number }> {
    const archive = [...this.#archives.values()].find(
      (candidate) => candidate.arn === request.EventSourceArn,
    );
    if (archive === undefined)
      throw new UnknownEventsResourceError(
        'archive',
        request.EventSourceArn,
        [...this.#archives.values()].map((a) => a.arn),
      );
    const destination = busNameOf(request.Destination.Arn);
    const problems: string[] = [];
    if (this.#replays.has(request.ReplayName)) problems.push('a replay with this name already exists');
    if (destination !== archive.busName)
      problems.push(
        `Destination.Arn must be the archive's bus (${eventBusArn(this.#location, archive.busName)})`,
      );
    if (request.EventStartTime.getTime() > request.EventEndTime.getTime())
      problems.push('EventStartTime is after EventEndTime');
    if (problems.length > 0) throw new EventsDefinitionError(`Replay ${request.ReplayName}`, problems);
    this.#replays.add(request.ReplayName);
    const filter =
      request.Destination.FilterArns === undefined ? undefined : new Set(request.Destination.FilterArns);
    const events = archive.eventsBetween(request.EventStartTime, request.EventEndTime, this.#now());
    for (const archived of events) {
      const envelope = asReplayed(archived.envelope, request.ReplayName);
      this.#route({ envelope, busName: archive.busName, ingestionTime: this.#now() }, filter);
    }
    const replayArn = `arn:aws:events:${this.#location.region}:${this.#location.account}:replay/${request.ReplayName}`;
    return { ReplayArn: replayArn, State: 'COMPLETED', EventCount: events.length };
  }

  /** Registers an observer of every bus activity; returns the function that removes it. */
  observe(observer: BusObserver): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  /** The last accepted events (PutEvents, replays, bus-to-bus), oldest first. */
  recentEvents(): readonly BusEvent[] {
    return this.#recent.list();
  }

  buses(): readonly EventBusInfo[] {
    return [...this.#buses.values()];
  }

  rules(): readonly EventRule[] {
    return [...this.#rules.values()];
  }

  /** Resolves when no delivery (including retries and bus-to-bus hops) is in flight. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  #bus(name: string): EventBusInfo {
    const bus = this.#buses.get(name);
    if (bus === undefined) throw new UnknownEventsResourceError('event bus', name, [...this.#buses.keys()]);
    return bus;
  }

  #emit(activity: BusActivity): void {
    for (const observer of this.#observers) {
      try {
        observer(activity);
      } catch {
        // An observer (the console) must never break delivery.
      }
    }
  }

  #route(event: BusEvent, ruleFilter?: ReadonlySet<string>): void {
    this.#recent.add(event);
    this.#emit({ type: 'event-accepted', event });
    for (const archive of this.#archives.values()) archive.offer(event);
    for (const rule of this.#rules.values()) {
      if (rule.busName !== event.busName || !rule.enabled) continue;
      if (ruleFilter !== undefined && !ruleFilter.has(rule.arn)) continue;
      if (!matches(rule.pattern, event.envelope)) continue;
      this.#emit({ type: 'rule-matched', event, ruleArn: rule.arn });
      for (const target of rule.targets) this.#track(event, rule, target);
    }
  }

  #track(event: BusEvent, rule: EventRule, target: RuleTarget): void {
    const sqs = this.#dispatcher.sqs?.bind(this.#dispatcher);
    const delivery = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        deliverToTarget(
          { event, rule, target },
          {
            send: (to, payload, sent) => this.#send(to, payload, sent),
            sendDeadLetter: sqs,
            schedule: this.#schedule,
            observe: (activity) => this.#emit(activity),
          },
        ),
      )
      .finally(() => this.#pending.delete(delivery));
    this.#pending.add(delivery);
  }

  async #send(target: RuleTarget, payload: string, event: BusEvent): Promise<void> {
    const dispatcher = this.#dispatcher;
    switch (target.service) {
      case 'lambda':
        if (dispatcher.lambda === undefined) break;
        return dispatcher.lambda({ functionArn: target.arn, payload });
      case 'sqs': {
        if (dispatcher.sqs === undefined) break;
        const fifo = target.arn.endsWith('.fifo');
        return dispatcher.sqs({
          queueArn: target.arn,
          body: payload,
          ...(fifo && target.messageGroupId !== undefined
            ? { messageGroupId: target.messageGroupId, messageDeduplicationId: event.envelope.id }
            : {}),
        });
      }
      case 'sns':
        if (dispatcher.sns === undefined) break;
        return dispatcher.sns({ topicArn: target.arn, message: payload });
      case 'events':
        return this.#forward(target.arn, payload);
    }
    throw new TargetDeliveryError('NoDispatcher', `the sandbox has no ${target.service} dispatcher wired`, {
      retryable: false,
    });
  }

  /** A bus target: a bus of this emulator gets the event routed directly; others go to the dispatcher. */
  async #forward(busArn: string, event: string): Promise<void> {
    const arn = parseArn(busArn);
    const name = busNameOf(busArn);
    const local = arn?.account === this.#location.account && arn.region === this.#location.region;
    if (local && name !== undefined) {
      if (!this.#buses.has(name))
        throw new TargetDeliveryError('ResourceNotFoundException', `Event bus ${name} does not exist.`, {
          retryable: false,
        });
      this.#route({ envelope: JSON.parse(event), busName: name, ingestionTime: this.#now() });
      return;
    }
    if (this.#dispatcher.events === undefined) {
      throw new TargetDeliveryError('NoDispatcher', `no dispatcher for the event bus ${busArn}`, {
        retryable: false,
      });
    }
    return this.#dispatcher.events({ busArn, event });
  }
}
