import type { DataStore, MarkerRepository, Todo } from '@stratum/data';
import { createDomainEvent, type DomainEvent, deterministicEventId } from '@stratum/events';
import type { Observability } from '@stratum/runtime';
import { dueWindow, markerExpiry } from './due-window.ts';
import { PublishFailedError } from './errors.ts';
import { PUT_EVENTS_BATCH, type PublishFailure } from './publish-events.ts';

export interface DueSoonJobDependencies {
  readonly data: DataStore;
  readonly markers: MarkerRepository;
  readonly publish: (events: readonly DomainEvent[]) => Promise<PublishFailure[]>;
  readonly logger: Observability['logger'];
}

export interface DueSoonSummary {
  readonly tenants: number;
  readonly dueTodos: number;
  readonly alreadyEmitted: number;
  readonly emitted: number;
}

/** The principal the job reads as; it only lists tenants' open todos. */
const SYSTEM_USER = 'due-soon';
const PAGE = 100;

const markerId = (todo: Todo) => `due-soon#${todo.todoId}#${todo.dueDate}`;

/**
 * One scheduled run: every tenant's open todos due in the window (gsi1, status `open`, due-date
 * range: a key condition, no filter), one `TodoDueSoon` per todo and due date. A marker claimed
 * before publishing makes later runs skip the todo; an event that cannot be published releases
 * its marker, so the next run retries it. Moving the due date gives a new marker and a new
 * reminder. Event ids derive from tenant, todo and due date, so even a duplicate publish is
 * deduplicated downstream.
 */
export async function runDueSoonJob(
  dependencies: DueSoonJobDependencies,
  now: Date,
  windowHours: number,
): Promise<DueSoonSummary> {
  const { data, markers, logger } = dependencies;
  const window = dueWindow(now, windowHours);
  let tenants = 0;
  let dueTodos = 0;
  let alreadyEmitted = 0;
  let emitted = 0;
  const failures: PublishFailure[] = [];
  let pending: DomainEvent[] = [];

  async function flush() {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const failed = await dependencies.publish(batch);
    for (const failure of failed) {
      if (failure.event.detailType !== 'TodoDueSoon') continue;
      const { tenantId, todoId, dueDate } = failure.event.detail;
      await markers.release(tenantId, `due-soon#${todoId}#${dueDate}`);
    }
    failures.push(...failed);
    emitted += batch.length - failed.length;
  }

  let tenantCursor: string | undefined;
  do {
    const tenantPage = await data.tenants.listAll({
      limit: PAGE,
      ...(tenantCursor ? { cursor: tenantCursor } : {}),
    });
    for (const tenant of tenantPage.items) {
      tenants += 1;
      const scope = { tenantId: tenant.tenantId, userId: SYSTEM_USER };
      let todoCursor: string | undefined;
      do {
        const page = await data.todos.list(scope, {
          status: 'open',
          dueFrom: window.from,
          dueTo: window.to,
          limit: PAGE,
          ...(todoCursor ? { cursor: todoCursor } : {}),
        });
        for (const todo of page.items) {
          if (!todo.dueDate) continue;
          dueTodos += 1;
          if (!(await markers.claim(todo.tenantId, markerId(todo), markerExpiry(todo.dueDate)))) {
            alreadyEmitted += 1;
            continue;
          }
          pending.push(
            createDomainEvent('TodoDueSoon', {
              eventId: deterministicEventId('due-soon', todo.tenantId, todo.todoId, todo.dueDate),
              occurredAt: now.toISOString(),
              tenantId: todo.tenantId,
              todoId: todo.todoId,
              title: todo.title,
              dueDate: todo.dueDate,
              createdBy: todo.createdBy,
            }),
          );
          if (pending.length >= PUT_EVENTS_BATCH) await flush();
        }
        todoCursor = page.nextCursor ?? undefined;
      } while (todoCursor);
    }
    tenantCursor = tenantPage.nextCursor ?? undefined;
  } while (tenantCursor);
  await flush();

  const summary = { tenants, dueTodos, alreadyEmitted, emitted };
  logger.info('Due-soon run finished', { ...summary, window, failed: failures.length });
  if (failures.length > 0) {
    throw new PublishFailedError(
      failures.map((failure) => ({ eventId: failure.event.detail.eventId, errorCode: failure.errorCode })),
    );
  }
  return summary;
}
