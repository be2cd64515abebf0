import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type DynamoDbLocal, LOCAL_CREDENTIALS, startDynamoDbLocal } from '@stratum/dynamodb-local';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dynamoDbResourceProviders,
  type SandboxTable,
} from '../../src/dynamodb/dynamodb-resource-providers.ts';
import {
  type SkippedSubscription,
  snsResourceProviders,
} from '../../src/messaging/sns-resource-providers.ts';
import { type SandboxQueue, sqsResourceProviders } from '../../src/messaging/sqs-resource-providers.ts';
import { deployStack, ExportRegistry, type ProviderRegistry, planStack } from '../../src/template/index.ts';
import { stackOf } from '../template/inline-stack.ts';

const region = 'eu-west-1';
let ddb: DynamoDbLocal;
let fauxqs: FauxqsServer;
let dynamodb: DynamoDBClient;
let sqs: SQSClient;
let sns: SNSClient;

beforeAll(async () => {
  [ddb, fauxqs] = await Promise.all([
    startDynamoDbLocal(),
    startFauxqs({ port: 0, host: '127.0.0.1', logger: false }),
  ]);
  dynamodb = new DynamoDBClient({ endpoint: ddb.endpoint, region, credentials: LOCAL_CREDENTIALS });
  const fauxqsEndpoint = `http://127.0.0.1:${fauxqs.port}`;
  sqs = new SQSClient({ endpoint: fauxqsEndpoint, region, credentials: LOCAL_CREDENTIALS });
  sns = new SNSClient({ endpoint: fauxqsEndpoint, region, credentials: LOCAL_CREDENTIALS });
}, 60_000);

afterAll(async () => {
  await Promise.all([ddb?.stop(), fauxqs?.stop()]);
});

const deploy = (
  resources: Record<string, unknown>,
  providers: ProviderRegistry,
  outputs: Record<string, unknown> = {},
) =>
  deployStack(planStack(stackOf({ Resources: resources as never, Outputs: outputs as never }), providers), {
    providers,
    exports: new ExportRegistry(),
  });

const TABLE = {
  Type: 'AWS::DynamoDB::GlobalTable',
  Properties: {
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'gsi1pk', AttributeType: 'S' },
      { AttributeName: 'gsi1sk', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: [
      {
        IndexName: 'gsi1',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
    StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    Replicas: [{ Region: region, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }],
  },
};

describe('AWS::DynamoDB::GlobalTable in DynamoDB Local', () => {
  it('creates the table with its indexes, stream and TTL, and answers Ref, Arn and StreamArn', async () => {
    const tables: SandboxTable[] = [];
    const stack = await deploy(
      { Table: TABLE },
      dynamoDbResourceProviders(dynamodb, (t) => tables.push(t)),
      {
        Name: { Value: { Ref: 'Table' } },
        Arn: { Value: { 'Fn::GetAtt': ['Table', 'Arn'] } },
        Stream: { Value: { 'Fn::GetAtt': ['Table', 'StreamArn'] } },
      },
    );
    const name = String(stack.outputs.Name);
    expect(name).toMatch(/^test-stack-Table-[0-9A-F]{12}$/);
    expect(stack.outputs.Arn).toBe(`arn:aws:dynamodb:${region}:123456789012:table/${name}`);
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['gsi1']);
    expect(Table?.StreamSpecification).toMatchObject({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(stack.outputs.Stream).toBe(Table?.LatestStreamArn);
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe('ttl');
    expect(tables).toEqual([expect.objectContaining({ tableName: name, streamArn: Table?.LatestStreamArn })]);
  });

  it('finds the table again on the next start, with its data', async () => {
    const first = await deploy({ Kept: TABLE }, dynamoDbResourceProviders(dynamodb), {
      Name: { Value: { Ref: 'Kept' } },
    });
    const TableName = String(first.outputs.Name);
    await dynamodb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, sk: { S: 'b' } } }));
    const second = await deploy({ Kept: TABLE }, dynamoDbResourceProviders(dynamodb), {
      Name: { Value: { Ref: 'Kept' } },
    });
    expect(second.outputs.Name).toBe(TableName);
    const { Item } = await dynamodb.send(
      new GetItemCommand({ TableName, Key: { pk: { S: 'a' }, sk: { S: 'b' } } }),
    );
    expect(Item).toBeDefined();
  });

  it('refuses a kept table whose keys changed, naming --fresh, instead of dropping its data', async () => {
    await deploy({ Changed: TABLE }, dynamoDbResourceProviders(dynamodb));
    const changed = structuredClone(TABLE);
    changed.Properties.KeySchema = [{ AttributeName: 'pk', KeyType: 'HASH' }];
    await expect(deploy({ Changed: changed }, dynamoDbResourceProviders(dynamodb))).rejects.toThrow(
      /key schema pk:HASH,sk:RANGE instead of pk:HASH.*--fresh/,
    );
  });
});

describe('AWS::SQS::Queue and AWS::SNS::Topic in fauxqs', () => {
  it('creates a queue with its dead-letter queue and redrive policy, Ref being the URL', async () => {
    const queues: SandboxQueue[] = [];
    const stack = await deploy(
      {
        Dlq: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1209600 } },
        Work: {
          Type: 'AWS::SQS::Queue',
          Properties: {
            VisibilityTimeout: 30,
            RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] }, maxReceiveCount: 3 },
            KmsMasterKeyId: 'alias/aws/sqs',
          },
        },
      },
      sqsResourceProviders(sqs, (q) => queues.push(q)),
      { Url: { Value: { Ref: 'Work' } }, DlqArn: { Value: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } },
    );
    const attributes = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: String(stack.outputs.Url), AttributeNames: ['All'] }),
    );
    expect(attributes.Attributes?.VisibilityTimeout).toBe('30');
    expect(JSON.parse(attributes.Attributes?.RedrivePolicy ?? '{}')).toMatchObject({
      deadLetterTargetArn: stack.outputs.DlqArn,
      maxReceiveCount: 3,
    });
    expect(queues.find((q) => q.logicalId === 'Work')?.deadLetterTargetArn).toBe(stack.outputs.DlqArn);
  });

  it('subscribes a queue to a topic and reports e-mail subscriptions instead of making them', async () => {
    const skipped: SkippedSubscription[] = [];
    const providers = { ...sqsResourceProviders(sqs), ...snsResourceProviders(sns, (s) => skipped.push(s)) };
    const stack = await deploy(
      {
        Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
        Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
        ToQueue: {
          Type: 'AWS::SNS::Subscription',
          Properties: {
            TopicArn: { Ref: 'Topic' },
            Protocol: 'sqs',
            Endpoint: { 'Fn::GetAtt': ['Queue', 'Arn'] },
          },
        },
        ToMail: {
          Type: 'AWS::SNS::Subscription',
          Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'email', Endpoint: 'ops@example.com' },
        },
      },
      providers,
      { Topic: { Value: { Ref: 'Topic' } } },
    );
    const { Subscriptions } = await sns.send(
      new ListSubscriptionsByTopicCommand({ TopicArn: String(stack.outputs.Topic) }),
    );
    expect(Subscriptions?.map((s) => s.Protocol)).toEqual(['sqs']);
    expect(skipped).toEqual([expect.objectContaining({ protocol: 'email' })]);
  });
});
