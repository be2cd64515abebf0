export { type ArgumentOf, classifyDataError } from './data-error-classification.ts';
export { type CheckedDocument, DocumentCache, type DocumentCacheOptions } from './document-cache.ts';
export {
  type ClassifiedError,
  type ErrorClassifier,
  executeOperation,
  type OperationContext,
} from './execute-operation.ts';
export {
  createSubgraphHandler,
  type SubgraphHandler,
  type SubgraphHandlerOptions,
} from './subgraph-handler.ts';
