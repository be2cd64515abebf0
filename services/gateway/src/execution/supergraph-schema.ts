import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import type { GraphQLSchema } from 'graphql';
import { createSubgraphExecutor } from './subgraph-executor.ts';
import type { InvokeSubgraph } from './subgraph-invoker.ts';

const LAMBDA_URL = /^lambda:\/\/([a-z][a-z0-9-]*)$/;

/**
 * The executable gateway schema: the composed supergraph, with every subgraph reached through
 * `invoke` instead of HTTP. Root fields of one subgraph in one operation are batched into a
 * single invocation (`batch: true`), and entity lookups (e.g. every Todo.createdBy of a page)
 * into a single `_entities` call.
 */
export function createGatewaySchema(supergraphSdl: string, invoke: InvokeSubgraph): GraphQLSchema {
  return getStitchedSchemaFromSupergraphSdl({
    supergraphSdl,
    batch: true,
    onSubschemaConfig(config) {
      const match = LAMBDA_URL.exec(config.endpoint);
      if (!match?.[1]) {
        throw new Error(
          `Subgraph ${config.name} has routing URL ${config.endpoint}; expected lambda://<name>.`,
        );
      }
      config.executor = createSubgraphExecutor(match[1], invoke);
    },
  });
}
