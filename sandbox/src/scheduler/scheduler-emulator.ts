import { EventSourceDefinitionError, UnknownEventSourceResourceError } from '../event-sources/errors.ts';
import { messageOf } from '../event-sources/poll-loop.ts';
import { physicalNameOf } from '../template/physical-names.ts';
import type { ProviderRegistry } from '../template/resource-provider.ts';
import { readScheduleDefinition, type ScheduleDefinition } from './schedule-definition.ts';
import { deliverFiring, type FiringResult, type SchedulerDependencies } from './schedule-delivery.ts';
import { nextScheduledTime } from './schedule-expression.ts';

export interface SchedulerEmulatorOptions extends SchedulerDependencies {
  readonly location: { readonly region: string; readonly accountId: string };
  /** First retry pause (doubles). @default 1_000 */
  readonly retryDelayMs?: number;
  /** @default 60_000 */
  readonly maxBackoffMs?: number;
  /** The flexible-window draw, 0 ≤ x < 1. @default Math.random */
  readonly random?: () => number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
  /** Sees every firing's outcome (the console). */
  readonly onFiring?: (result: FiringResult) => void;
}

/** A schedule as the console and tests see it. */
export interface ScheduleInfo {
  readonly name: string;
  readonly groupName: string;
  readonly arn: string;
  readonly definition: ScheduleDefinition;
  /** When it fires next (scheduled time plus its flexible-window delay); undefined when finished or disabled. */
  readonly nextFireAt: Date | undefined;
}

interface Schedule {
  readonly arn: string;
  readonly definition: ScheduleDefinition;
  readonly anchor: Date;
  next?: { readonly scheduledTime: Date; readonly fireAt: Date };
}

const MAX_TIMER_MS = 2_147_483_647;

/**
 * EventBridge Scheduler: schedule groups and schedules (`at`, `rate`, `cron` in a time zone, start and
 * end dates, flexible windows, enabled state) firing Lambda, event-bus and SQS targets with retries and
 * a dead-letter queue. `tick(now)` fires what is due at `now` (the seam tests use); `start()` runs real
 * timers; `triggerNow(name)` fires a schedule at once (console, end-to-end tests). When the sandbox was
 * not running for several occurrences, only the latest fires, once.
 *
 * @example
 * ```ts
 * const scheduler = new SchedulerEmulator({ location, invokeFunction: (arn, event) => asyncInvoker.invoke(arn, event) });
 * await deployAssembly(assembly, { providers: { ...scheduler.providers(), ...others } });
 * scheduler.start();
 * ```
 */
export class SchedulerEmulator {
  readonly #groups = new Map<string, string>();
  readonly #schedules = new Map<string, Schedule>();
  readonly #inFlight = new Set<Promise<FiringResult>>();
  readonly #controller = new AbortController();
  readonly #now: () => Date;
  readonly #random: () => number;
  readonly #log: (line: string) => void;
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor(private readonly options: SchedulerEmulatorOptions) {
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? Math.random;
    this.#log = options.log ?? (() => {});
    this.#groups.set('default', this.#groupArn('default'));
  }

  providers(): ProviderRegistry {
    return {
      'AWS::Scheduler::ScheduleGroup': {
        create: (logicalId, properties, context) => {
          const name = physicalNameOf(properties, 'Name', logicalId, context, 64);
          const arn = this.createScheduleGroup(name);
          const now = this.#now().toISOString();
          return {
            physicalId: name,
            attributes: { Arn: arn, CreationDate: now, LastModificationDate: now, State: 'ACTIVE' },
          };
        },
      },
      'AWS::Scheduler::Schedule': {
        create: (logicalId, properties, context) => {
          const name = physicalNameOf(properties, 'Name', logicalId, context, 64);
          const info = this.createSchedule(properties, name, `${context.stack.stackName}/${logicalId}`);
          return { physicalId: info.name, attributes: { Arn: info.arn } };
        },
      },
    };
  }

  createScheduleGroup(name: string): string {
    if (this.#groups.has(name))
      throw new EventSourceDefinitionError(`ScheduleGroup ${name}`, ['already exists']);
    const arn = this.#groupArn(name);
    this.#groups.set(name, arn);
    return arn;
  }

  /** @throws EventSourceDefinitionError */
  createSchedule(
    properties: Readonly<Record<string, unknown>>,
    name: string,
    where = `Schedule ${name}`,
  ): ScheduleInfo {
    const definition = readScheduleDefinition(properties, name, where);
    if (!this.#groups.has(definition.groupName)) {
      throw new EventSourceDefinitionError(where, [
        `schedule group "${definition.groupName}" does not exist`,
      ]);
    }
    const key = `${definition.groupName}/${name}`;
    if (this.#schedules.has(key))
      throw new EventSourceDefinitionError(where, ['a schedule with this name already exists in the group']);
    const { region, accountId } = this.options.location;
    const schedule: Schedule = {
      arn: `arn:aws:scheduler:${region}:${accountId}:schedule/${key}`,
      definition,
      anchor: definition.startDate ?? this.#now(),
    };
    this.#plan(
      schedule,
      new Date(Math.max(this.#now().getTime(), (definition.startDate?.getTime() ?? 0) - 1)),
    );
    this.#schedules.set(key, schedule);
    if (this.#running) this.#arm();
    return this.#info(schedule);
  }

  list(): readonly ScheduleInfo[] {
    return [...this.#schedules.values()].map((schedule) => this.#info(schedule));
  }

  /** Fires every enabled schedule due at `now` and resolves with the firings' outcomes (retries included). */
  async tick(now: Date = this.#now()): Promise<FiringResult[]> {
    const firings: Promise<FiringResult>[] = [];
    for (const [key, schedule] of this.#schedules) {
      const next = schedule.next;
      if (next === undefined || !schedule.definition.enabled || next.fireAt.getTime() > now.getTime())
        continue;
      // Skip missed occurrences: only the latest one due fires.
      let scheduledTime = next.scheduledTime;
      this.#plan(schedule, scheduledTime);
      while (schedule.next !== undefined && schedule.next.fireAt.getTime() <= now.getTime()) {
        scheduledTime = schedule.next.scheduledTime;
        this.#plan(schedule, scheduledTime);
      }
      firings.push(this.#fire(schedule, scheduledTime));
      if (schedule.next === undefined && schedule.definition.deleteAfterCompletion)
        this.#schedules.delete(key);
    }
    return Promise.all(firings);
  }

  /** Fires a schedule now, whatever its state and next time (the console's "run now"). */
  triggerNow(name: string, groupName = 'default'): Promise<FiringResult> {
    const schedule = this.#schedules.get(`${groupName}/${name}`);
    if (schedule === undefined)
      throw new UnknownEventSourceResourceError('schedule', `${groupName}/${name}`, [
        ...this.#schedules.keys(),
      ]);
    return this.#fire(schedule, this.#now());
  }

  /** Fires due schedules on real timers until `stop()`. */
  start(): void {
    this.#running = true;
    this.#arm();
  }

  /** Stops the timers, abandons pending retries, and waits for calls in flight. Safe to call twice. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#controller.abort();
    await Promise.allSettled([...this.#inFlight]);
  }

  #groupArn(name: string): string {
    const { region, accountId } = this.options.location;
    return `arn:aws:scheduler:${region}:${accountId}:schedule-group/${name}`;
  }

  #info(schedule: Schedule): ScheduleInfo {
    const { definition } = schedule;
    return {
      name: definition.name,
      groupName: definition.groupName,
      arn: schedule.arn,
      definition,
      nextFireAt: definition.enabled ? schedule.next?.fireAt : undefined,
    };
  }

  /** Works out the occurrence after `after`, with its flexible-window delay, within the end date. */
  #plan(schedule: Schedule, after: Date): void {
    const { definition } = schedule;
    const scheduledTime = nextScheduledTime(definition.expression, after, schedule.anchor);
    if (
      scheduledTime === undefined ||
      (definition.endDate !== undefined && scheduledTime > definition.endDate)
    ) {
      schedule.next = undefined;
      return;
    }
    const delay = Math.floor(this.#random() * definition.flexibleWindowMs);
    schedule.next = { scheduledTime, fireAt: new Date(scheduledTime.getTime() + delay) };
  }

  #fire(schedule: Schedule, scheduledTime: Date): Promise<FiringResult> {
    const firing = deliverFiring(
      schedule.definition,
      { scheduleArn: schedule.arn, scheduledTime },
      this.options,
      {
        retryDelayMs: this.options.retryDelayMs ?? 1_000,
        maxBackoffMs: this.options.maxBackoffMs ?? 60_000,
        signal: this.#controller.signal,
      },
    )
      .catch((error: unknown): FiringResult => {
        const message = messageOf(error);
        return {
          scheduleArn: schedule.arn,
          scheduledTime,
          executionId: '',
          attempts: 0,
          delivered: false,
          error: message,
          deadLettered: false,
        };
      })
      .then((result) => {
        if (!result.delivered)
          this.#log(`schedule ${schedule.arn} failed after ${result.attempts} attempts: ${result.error}`);
        this.options.onFiring?.(result);
        return result;
      })
      .finally(() => this.#inFlight.delete(firing));
    this.#inFlight.add(firing);
    return firing;
  }

  #arm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (!this.#running) return;
    const times = [...this.#schedules.values()]
      .filter((schedule) => schedule.definition.enabled && schedule.next !== undefined)
      .map((schedule) => schedule.next?.fireAt.getTime() ?? Number.POSITIVE_INFINITY);
    if (times.length === 0) return;
    const wait = Math.min(Math.max(Math.min(...times) - this.#now().getTime(), 0), MAX_TIMER_MS);
    this.#timer = setTimeout(() => {
      // tick() plans each schedule's next occurrence before it awaits anything, so re-arming now sees it.
      void this.tick(this.#now());
      this.#arm();
    }, wait);
    this.#timer.unref();
  }
}
