import { correlationIdFrom } from '@stratum/runtime';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { type AssignTenantDependencies, assignTenant } from './assign-tenant.ts';
import { parsePostConfirmation } from './confirmed-user.ts';

/** The two logger methods the handler uses; the Powertools `Logger` satisfies it. */
export interface TriggerLogger {
  info(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

export interface PostConfirmationHandlerDependencies extends AssignTenantDependencies {
  readonly logger: TriggerLogger;
}

/**
 * Builds the post-confirmation handler around its dependencies, so that tests run it with
 * in-memory fakes and `post-confirmation.ts` wires the real ones once per cold start.
 * Cognito expects the event back unchanged; any thrown error fails the confirmation call
 * and is retried by Cognito, which the domain tolerates (it is idempotent).
 */
export function createPostConfirmationHandler(deps: PostConfirmationHandlerDependencies) {
  const { logger } = deps;
  return async function handler<E extends PostConfirmationTriggerEvent>(event: E): Promise<E> {
    // Clients may pass a correlation id in the ClientMetadata of ConfirmSignUp.
    const correlationId = correlationIdFrom(event?.request?.clientMetadata);
    try {
      const confirmation = parsePostConfirmation(event);
      if (confirmation.kind === 'ignored') {
        logger.info('Confirmation ignored', { correlationId, triggerSource: confirmation.triggerSource });
        return event;
      }
      const { user } = confirmation;
      const assignment = await assignTenant(user, deps);
      logger.info('Tenant assigned', { correlationId, userId: user.userId, ...assignment });
      return event;
    } catch (error) {
      logger.error('Tenant assignment failed', { correlationId, error });
      throw error;
    }
  };
}
