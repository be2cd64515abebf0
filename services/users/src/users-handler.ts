import type { AnalyticsRepository, DataStore, DeviceRepository } from '@stratum/data';
import type { Observability } from '@stratum/runtime';
import { createSubgraphHandler, type SubgraphHandler } from '@stratum/subgraph';
import { classifyError } from './error-classification.ts';
import type { PushEndpoints } from './push/sns-push-endpoints.ts';
import { usersSchema } from './schema.ts';

export interface UsersHandlerDependencies {
  /** Called per invocation; the real one builds the store once and caches it. */
  readonly dataStore: () => DataStore;
  /** The event-side repositories this subgraph reads (analytics) and writes (devices); cached likewise. */
  readonly eventData: () => { readonly analytics: AnalyticsRepository; readonly devices: DeviceRepository };
  /** The stage's push endpoints; null when the stage has no push application. */
  readonly push: PushEndpoints | null;
  readonly logger: Observability['logger'];
}

export type UsersHandler = SubgraphHandler;
export type { EndpointOwner, PushEndpoints } from './push/sns-push-endpoints.ts';

/** The users subgraph Lambda; invoked only by the gateway (see `createSubgraphHandler`). */
export function createUsersHandler(dependencies: UsersHandlerDependencies): UsersHandler {
  const { logger, push } = dependencies;
  return createSubgraphHandler({
    schema: usersSchema,
    logger,
    classifyError,
    context: ({ principal, correlationId }) => {
      const { analytics, devices } = dependencies.eventData();
      return { principal, correlationId, logger, data: dependencies.dataStore(), analytics, devices, push };
    },
  });
}
