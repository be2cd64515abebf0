import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { SESClient, SendEmailCommand as SendEmailV1Command } from '@aws-sdk/client-ses';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEndpoint, createAwsEndpoint } from '../../src/endpoint/index.ts';
import {
  type CognitoLocalEngine,
  type DynamoDbLocalEngine,
  type FauxqsEngine,
  type SesLocalEngine,
  startCognitoLocalEngine,
  startDynamoDbLocalEngine,
  startFauxqsEngine,
  startSesLocalEngine,
} from '../../src/engines/index.ts';

const run = promisify(execFile);
const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

let ddb: DynamoDbLocalEngine;
let fauxqs: FauxqsEngine;
let cognito: CognitoLocalEngine;
let ses: SesLocalEngine;
let endpoint: AwsEndpoint;
const client = <T>(Client: new (config: object) => T): T =>
  new Client({ endpoint: endpoint.url, region, credentials });

beforeAll(async () => {
  [ddb, fauxqs, ses] = await Promise.all([
    startDynamoDbLocalEngine(),
    startFauxqsEngine(),
    startSesLocalEngine(),
  ]);
  endpoint = await createAwsEndpoint({
    port: 0,
    routes: {
      dynamodb: { upstream: ddb.endpoint },
      sqs: { upstream: fauxqs.endpoint },
      sns: { upstream: fauxqs.endpoint },
      s3: { upstream: fauxqs.endpoint },
      ses: { upstream: ses.endpoint },
    },
  });
  // Tokens name the endpoint as issuer, so their JWKS is reachable through it.
  cognito = await startCognitoLocalEngine({ issuerDomain: endpoint.url });
  endpoint.setRoute('cognito-idp', { upstream: cognito.endpoint });
}, 90_000);

afterAll(async () => {
  await endpoint?.close();
  await Promise.all([ddb?.stop(), fauxqs?.stop(), cognito?.stop(), ses?.stop()]);
});

describe('SDK v3 clients through the one AWS endpoint', () => {
  it('DynamoDB: CreateTable, PutItem, GetItem', async () => {
    const dynamodb = client(DynamoDBClient);
    await dynamodb.send(
      new CreateTableCommand({
        TableName: 'things',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    await dynamodb.send(
      new PutItemCommand({ TableName: 'things', Item: { pk: { S: 'a' }, n: { N: '42' } } }),
    );
    const { Item } = await dynamodb.send(
      new GetItemCommand({ TableName: 'things', Key: { pk: { S: 'a' } } }),
    );
    expect(Item).toEqual({ pk: { S: 'a' }, n: { N: '42' } });
  });

  it("SQS: create, send, receive; the queue URL carries the endpoint's port", async () => {
    const sqs = client(SQSClient);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'jobs' }));
    // fauxqs writes LocalStack-style URLs from the request's Host; SDK v3 sends to the endpoint anyway.
    expect(QueueUrl).toBe(`http://sqs.${region}.localhost:${endpoint.port}/000000000000/jobs`);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello' }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    expect(Messages?.map((message) => message.Body)).toEqual(['hello']);
  });

  it('S3: put, get and list a 5 MB object, byte for byte', async () => {
    const s3 = client(S3Client);
    const bytes = randomBytes(5 * 1024 * 1024);
    await s3.send(new CreateBucketCommand({ Bucket: 'media' }));
    await s3.send(new PutObjectCommand({ Bucket: 'media', Key: 'big.bin', Body: bytes }));
    const object = await s3.send(new GetObjectCommand({ Bucket: 'media', Key: 'big.bin' }));
    const read = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
    expect(read.length).toBe(bytes.length);
    expect(read.equals(bytes)).toBe(true);
    const { Contents } = await s3.send(new ListObjectsV2Command({ Bucket: 'media' }));
    expect(Contents?.map((entry) => [entry.Key, entry.Size])).toEqual([['big.bin', bytes.length]]);
  });

  it('SNS: publish reaches an SQS subscription', async () => {
    const sns = client(SNSClient);
    const sqs = client(SQSClient);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'fan-out' }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'events' }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: Attributes?.QueueArn }));
    await sns.send(new PublishCommand({ TopicArn, Message: 'todo created' }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 2 }));
    const envelope = JSON.parse(Messages?.[0]?.Body ?? '{}') as { Message?: string; TopicArn?: string };
    expect(envelope).toMatchObject({ Message: 'todo created', TopicArn });
  });

  it('Cognito: pool, client, unsigned SignUp, AdminConfirmSignUp, USER_PASSWORD_AUTH; JWKS via the endpoint', async () => {
    const cognitoClient = client(CognitoIdentityProviderClient);
    const { UserPool } = await cognitoClient.send(new CreateUserPoolCommand({ PoolName: 'users' }));
    const UserPoolId = UserPool?.Id;
    const { UserPoolClient } = await cognitoClient.send(
      new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: 'web',
        ExplicitAuthFlows: ['USER_PASSWORD_AUTH'],
      }),
    );
    const ClientId = UserPoolClient?.ClientId;
    // SignUp and InitiateAuth are unsigned in AWS; the endpoint must route them by X-Amz-Target.
    const unsigned = new CognitoIdentityProviderClient({
      endpoint: endpoint.url,
      region,
      credentials,
      signer: { sign: async (request) => request },
    });
    const email = 'ada@example.com';
    await unsigned.send(
      new SignUpCommand({
        ClientId,
        Username: email,
        Password: 'Passw0rd!long',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    await cognitoClient.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: email }));
    const { AuthenticationResult } = await unsigned.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: 'Passw0rd!long' },
      }),
    );
    const idToken = AuthenticationResult?.IdToken ?? '';
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      iss?: string;
      email?: string;
    };
    expect(claims).toMatchObject({ iss: `${endpoint.url}/${UserPoolId}`, email });
    const jwks = (await (await fetch(`${claims.iss}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
  });

  it('SES: v2 and v1 SendEmail land in the inbox', async () => {
    const sent = await client(SESv2Client).send(
      new SendEmailCommand({
        FromEmailAddress: 'noreply@stratum.dev',
        Destination: { ToAddresses: ['ada@example.com'] },
        Content: { Simple: { Subject: { Data: 'Welcome' }, Body: { Text: { Data: 'Hello Ada' } } } },
      }),
    );
    await client(SESClient).send(
      new SendEmailV1Command({
        Source: 'noreply@stratum.dev',
        Destination: { ToAddresses: ['bob@example.com'] },
        Message: { Subject: { Data: 'Reminder' }, Body: { Text: { Data: 'Hello Bob' } } },
      }),
    );
    const welcome = await ses.inbox.waitForEmail((email) => email.messageId === sent.MessageId);
    expect(welcome).toMatchObject({
      subject: 'Welcome',
      destination: { to: ['ada@example.com'] },
      body: { text: 'Hello Ada' },
    });
    const reminder = await ses.inbox.waitForEmail((email) => email.subject === 'Reminder');
    expect(reminder.destination.to).toEqual(['bob@example.com']);
  });
});

describe('the AWS CLI v1 through the endpoint', () => {
  const cliPresent = run('aws', ['--version']).then(
    () => true,
    () => false,
  );

  it('lists DynamoDB tables (skipped only when `aws` is not on PATH)', async (context) => {
    if (!(await cliPresent)) context.skip('the AWS CLI (`aws`) is not on PATH');
    const { stdout } = await run(
      'aws',
      ['--endpoint-url', endpoint.url, '--output', 'json', 'dynamodb', 'list-tables'],
      {
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          AWS_DEFAULT_REGION: region,
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        },
        timeout: 20_000,
      },
    );
    expect(JSON.parse(stdout)).toEqual({ TableNames: expect.arrayContaining(['things']) });
  });
});
