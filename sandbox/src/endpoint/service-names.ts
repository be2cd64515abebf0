/**
 * Where the name of a service comes from differs by protocol (SigV4 signing name, endpoint
 * prefix); routes use one name per service. `email` is SES's endpoint prefix and what some
 * clients sign with; `streams.dynamodb` is DynamoDB Streams, served by DynamoDB Local itself.
 */
const ALIASES: Readonly<Record<string, string>> = {
  email: 'ses',
  'streams.dynamodb': 'dynamodb',
};

export function canonicalService(name: string): string {
  const lower = name.toLowerCase();
  return ALIASES[lower] ?? lower;
}

/** `X-Amz-Target` prefixes (the part before the dot) of the JSON-protocol services. */
export const TARGET_PREFIXES: Readonly<Record<string, string>> = {
  DynamoDB_20120810: 'dynamodb',
  DynamoDBStreams_20120810: 'dynamodb',
  AWSCognitoIdentityProviderService: 'cognito-idp',
  AWSCognitoIdentityService: 'cognito-identity',
  AWSEvents: 'events',
  AmazonSQS: 'sqs',
  AmazonSSM: 'ssm',
  secretsmanager: 'secretsmanager',
  Logs_20140328: 'logs',
  AWSStepFunctions: 'states',
  Kinesis_20131202: 'kinesis',
  TrentService: 'kms',
};

const SNS_ACTIONS = [
  'CreateTopic',
  'DeleteTopic',
  'ListTopics',
  'GetTopicAttributes',
  'SetTopicAttributes',
  'Subscribe',
  'Unsubscribe',
  'ConfirmSubscription',
  'ListSubscriptions',
  'ListSubscriptionsByTopic',
  'GetSubscriptionAttributes',
  'SetSubscriptionAttributes',
  'Publish',
  'PublishBatch',
  'TagResource',
  'UntagResource',
  'ListTagsForResource',
];
const SQS_ACTIONS = [
  'CreateQueue',
  'DeleteQueue',
  'GetQueueUrl',
  'ListQueues',
  'GetQueueAttributes',
  'SetQueueAttributes',
  'PurgeQueue',
  'SendMessage',
  'SendMessageBatch',
  'ReceiveMessage',
  'DeleteMessage',
  'DeleteMessageBatch',
  'ChangeMessageVisibility',
  'ChangeMessageVisibilityBatch',
  'TagQueue',
  'UntagQueue',
  'ListQueueTags',
  'ListDeadLetterSourceQueues',
];
const SES_ACTIONS = [
  'SendEmail',
  'SendRawEmail',
  'SendTemplatedEmail',
  'SendBulkTemplatedEmail',
  'VerifyEmailIdentity',
  'VerifyEmailAddress',
  'VerifyDomainIdentity',
  'ListIdentities',
  'GetSendQuota',
];
const STS_ACTIONS = ['GetCallerIdentity', 'AssumeRole', 'AssumeRoleWithWebIdentity', 'GetSessionToken'];

/**
 * Query-protocol `Action`s of the services whose requests may reach us unsigned. Names shared by
 * two services (`AddPermission`, `RemovePermission` of SQS and SNS) are left out: only a
 * signature can tell them apart.
 */
export const QUERY_ACTIONS: ReadonlyMap<string, string> = new Map([
  ...SNS_ACTIONS.map((action) => [action, 'sns'] as const),
  ...SQS_ACTIONS.map((action) => [action, 'sqs'] as const),
  ...SES_ACTIONS.map((action) => [action, 'ses'] as const),
  ...STS_ACTIONS.map((action) => [action, 'sts'] as const),
]);
