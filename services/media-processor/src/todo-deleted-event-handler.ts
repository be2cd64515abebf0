import { DomainEventValidationError, parseDomainEvent, UnknownDomainEventError } from '@stratum/events';
import type { Observability } from '@stratum/runtime';
import type { createTodoMediaRemoval } from './remove-todo-media.ts';

export interface TodoDeletedEventHandlerDependencies {
  readonly removeTodoMedia: ReturnType<typeof createTodoMediaRemoval>;
  readonly logger: Observability['logger'];
}

/**
 * The EventBridge target for `TodoDeleted` (source stratum.todo, from the table stream): removes
 * the todo's media, objects and items. Events of another type or that do not parse are logged
 * and dropped; transient errors throw for EventBridge to retry (then the rule's DLQ).
 */
export function createTodoDeletedEventHandler(deps: TodoDeletedEventHandlerDependencies) {
  const { removeTodoMedia, logger } = deps;
  return async (event: unknown): Promise<number> => {
    let parsed: ReturnType<typeof parseDomainEvent>;
    try {
      parsed = parseDomainEvent(event);
    } catch (error) {
      if (!(error instanceof DomainEventValidationError || error instanceof UnknownDomainEventError))
        throw error;
      logger.error('Unreadable event dropped', { error });
      return 0;
    }
    if (parsed.detailType !== 'TodoDeleted') {
      logger.error('Unexpected event type dropped', { detailType: parsed.detailType });
      return 0;
    }
    return removeTodoMedia(parsed.detail.tenantId, parsed.detail.todoId);
  };
}
