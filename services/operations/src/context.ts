import type { Principal } from '@stratum/gateway/protocol';
import type { Observability } from '@stratum/runtime';
import { ForbiddenError } from './errors.ts';
import type { DeadLetterOperations } from './queues/dead-letter-operations.ts';

/** What every resolver receives. `principal` was verified upstream (see `createSubgraphHandler`). */
export interface OperationsContext {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly deadLetters: DeadLetterOperations;
  readonly logger: Observability['logger'];
}

/**
 * Every field of this subgraph is staff-only: a customer of any role gets FORBIDDEN before any
 * argument is read, so it learns nothing about the stage's queues, not even their names.
 */
export function assertStaff(context: OperationsContext): void {
  if (context.principal.principalType !== 'staff') {
    throw new ForbiddenError('Only staff can call this operation.');
  }
}
