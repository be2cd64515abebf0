import type {
  AttributeDefinition,
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  KeySchemaElement,
  LocalSecondaryIndex,
  Projection,
} from '@aws-sdk/client-dynamodb';

/** Lets a `CreateTable` call be built from CloudFormation properties that have been resolved. */
type Properties = Readonly<Record<string, unknown>>;

const asArray = (value: unknown): Properties[] =>
  Array.isArray(value)
    ? value.filter((item): item is Properties => typeof item === 'object' && item !== null)
    : [];

function keySchema(value: unknown, where: string): KeySchemaElement[] {
  const elements = asArray(value).map((element) => ({
    AttributeName: String(element.AttributeName),
    KeyType: String(element.KeyType) as KeySchemaElement['KeyType'],
  }));
  if (elements.length === 0) throw new Error(`${where} has no KeySchema`);
  return elements;
}

function projection(value: unknown): Projection {
  const p = (value ?? {}) as Properties;
  return {
    ProjectionType: (p.ProjectionType as Projection['ProjectionType']) ?? 'ALL',
    ...(Array.isArray(p.NonKeyAttributes) && { NonKeyAttributes: p.NonKeyAttributes.map(String) }),
  };
}

const LOCAL_THROUGHPUT = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };

/**
 * `CreateTable` input for an `AWS::DynamoDB::Table` or `AWS::DynamoDB::GlobalTable`. What has no local
 * meaning (SSE keys, PITR, replicas, tags, contributor insights) is left out; what changes behaviour
 * (keys, indexes, streams, billing) is kept. DynamoDB Local ignores capacity, so provisioned tables get a
 * nominal 5/5.
 */
export function createTableInput(tableName: string, properties: Properties): CreateTableCommandInput {
  const provisioned = properties.BillingMode === 'PROVISIONED';
  const throughput = provisioned ? { ProvisionedThroughput: LOCAL_THROUGHPUT } : {};
  const gsis: GlobalSecondaryIndex[] = asArray(properties.GlobalSecondaryIndexes).map((index) => ({
    IndexName: String(index.IndexName),
    KeySchema: keySchema(index.KeySchema, `index ${String(index.IndexName)}`),
    Projection: projection(index.Projection),
    ...throughput,
  }));
  const lsis: LocalSecondaryIndex[] = asArray(properties.LocalSecondaryIndexes).map((index) => ({
    IndexName: String(index.IndexName),
    KeySchema: keySchema(index.KeySchema, `index ${String(index.IndexName)}`),
    Projection: projection(index.Projection),
  }));
  const stream = properties.StreamSpecification as Properties | undefined;
  const streamViewType = stream?.StreamViewType;
  return {
    TableName: tableName,
    AttributeDefinitions: asArray(properties.AttributeDefinitions).map(
      (a): AttributeDefinition => ({
        AttributeName: String(a.AttributeName),
        AttributeType: String(a.AttributeType) as AttributeDefinition['AttributeType'],
      }),
    ),
    KeySchema: keySchema(properties.KeySchema, `table ${tableName}`),
    BillingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    ...throughput,
    ...(gsis.length > 0 && { GlobalSecondaryIndexes: gsis }),
    ...(lsis.length > 0 && { LocalSecondaryIndexes: lsis }),
    ...(typeof streamViewType === 'string' && {
      StreamSpecification: {
        StreamEnabled: true,
        StreamViewType: streamViewType as 'NEW_AND_OLD_IMAGES',
      },
    }),
  };
}

/** The attribute that expires items, when the template enables TTL. */
export function ttlAttributeOf(properties: Properties): string | undefined {
  const ttl = properties.TimeToLiveSpecification as Properties | undefined;
  return ttl?.Enabled === true && typeof ttl.AttributeName === 'string' ? ttl.AttributeName : undefined;
}

/** Describes how a table found on disk differs in shape from the template's, or `undefined` if it does not. */
export function shapeDifference(
  wanted: CreateTableCommandInput,
  found: {
    KeySchema?: KeySchemaElement[];
    GlobalSecondaryIndexes?: { IndexName?: string }[];
    StreamSpecification?: { StreamEnabled?: boolean; StreamViewType?: string };
  },
): string | undefined {
  const keys = (schema: KeySchemaElement[] | undefined) =>
    (schema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  if (keys(wanted.KeySchema) !== keys(found.KeySchema)) {
    return `key schema ${keys(found.KeySchema)} instead of ${keys(wanted.KeySchema)}`;
  }
  const names = (indexes: { IndexName?: string }[] | undefined) =>
    (indexes ?? [])
      .map((i) => i.IndexName)
      .sort()
      .join(',');
  if (names(wanted.GlobalSecondaryIndexes) !== names(found.GlobalSecondaryIndexes)) {
    return `global indexes [${names(found.GlobalSecondaryIndexes)}] instead of [${names(wanted.GlobalSecondaryIndexes)}]`;
  }
  const wantedStream = wanted.StreamSpecification?.StreamViewType;
  const foundStream = found.StreamSpecification?.StreamEnabled
    ? found.StreamSpecification.StreamViewType
    : undefined;
  if (wantedStream !== foundStream) {
    return `stream ${foundStream ?? 'disabled'} instead of ${wantedStream ?? 'disabled'}`;
  }
  return undefined;
}
