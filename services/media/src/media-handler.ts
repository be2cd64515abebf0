import type { MediaRepository } from '@stratum/data';
import type { Observability } from '@stratum/runtime';
import { createSubgraphHandler, type SubgraphHandler } from '@stratum/subgraph';
import { classifyError } from './error-classification.ts';
import { mediaSchema } from './schema.ts';
import type { MediaStorage } from './storage/media-storage.ts';

export interface MediaHandlerDependencies {
  /** Called per invocation; the real one builds the repository once and caches it. */
  readonly media: () => MediaRepository;
  readonly storage: MediaStorage;
  readonly logger: Observability['logger'];
}

/** The media subgraph Lambda; invoked only by the gateway (see `createSubgraphHandler`). */
export function createMediaHandler(dependencies: MediaHandlerDependencies): SubgraphHandler {
  const { logger, storage } = dependencies;
  return createSubgraphHandler({
    schema: mediaSchema,
    logger,
    classifyError,
    context: ({ principal, correlationId }) => ({
      principal,
      correlationId,
      logger,
      storage,
      media: dependencies.media(),
    }),
  });
}
