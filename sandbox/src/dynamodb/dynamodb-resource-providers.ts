import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { physicalNameOf } from '../template/physical-names.ts';
import type {
  ProviderRegistry,
  ProvisionContext,
  ProvisionedResource,
} from '../template/resource-provider.ts';
import { createTableInput, shapeDifference, ttlAttributeOf } from './table-definition.ts';

/** A table the sandbox created or found again, for the console and the stream pollers. */
export interface SandboxTable {
  readonly logicalId: string;
  readonly stackName: string;
  readonly tableName: string;
  /** The engine's own stream ARN: what DynamoDB Streams' API and event-source mappings accept. */
  readonly streamArn?: string;
}

/**
 * `AWS::DynamoDB::Table` and `AWS::DynamoDB::GlobalTable` in DynamoDB Local. A table that already
 * exists under the same name (data kept in `.stratum/` from the previous start) is reused when its
 * shape matches the template; a table whose keys, indexes or stream changed is an error that says how
 * to start afresh, never a silent drop of the data.
 */
export function dynamoDbResourceProviders(
  client: DynamoDBClient,
  onTable: (table: SandboxTable) => void = () => {},
): ProviderRegistry {
  const provider = {
    async create(
      logicalId: string,
      properties: Readonly<Record<string, unknown>>,
      context: ProvisionContext,
    ): Promise<ProvisionedResource> {
      const tableName = physicalNameOf(properties, 'TableName', logicalId, context, 255);
      const wanted = createTableInput(tableName, properties);
      let table = await describe(client, tableName);
      if (table) {
        const difference = shapeDifference(wanted, table);
        if (difference) {
          throw new Error(
            `table ${tableName} kept from a previous start has ${difference}; ` +
              'run `npm start -- --fresh` to recreate it (this deletes the local data)',
          );
        }
      } else {
        table = (await client.send(new CreateTableCommand(wanted))).TableDescription;
      }
      const ttlAttribute = ttlAttributeOf(properties);
      if (ttlAttribute) await enableTtl(client, tableName, ttlAttribute);

      const arn = `arn:aws:dynamodb:${context.stack.region}:${context.stack.accountId}:table/${tableName}`;
      const streamArn = table?.LatestStreamArn;
      onTable({ logicalId, stackName: context.stack.stackName, tableName, ...(streamArn && { streamArn }) });
      return {
        physicalId: tableName,
        attributes: {
          Arn: arn,
          TableId: table?.TableId ?? tableName,
          ...(streamArn && { StreamArn: streamArn }),
        },
      };
    },
  };
  return { 'AWS::DynamoDB::Table': provider, 'AWS::DynamoDB::GlobalTable': provider };
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function enableTtl(client: DynamoDBClient, tableName: string, attributeName: string): Promise<void> {
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: attributeName, Enabled: true },
      }),
    );
  } catch (error) {
    // Enabling TTL twice is refused; on a table found again after a restart that is expected.
    if (!(error instanceof Error && /already enabled/i.test(error.message))) throw error;
  }
}
