import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { DeadLetterSourceKind } from '../../../services/operations/src/queues/dead-letter-queue-list.ts';
import { serviceEntry } from './service-entry.ts';
import { StratumFunction } from './stratum-function.ts';

/** One dead-letter queue staff may inspect and redrive. */
export interface OperatedDeadLetterQueue {
  /** The friendly name staff use (`notifications`): lower-case letters, digits and dashes. */
  readonly name: string;
  /** What ends up in the queue, in a sentence. */
  readonly feeds: string;
  readonly queue: sqs.IQueue;
  /**
   * What feeds it, which decides what a redrive means (services/operations/README.md):
   * `sqs-queue` (redrive policy of `source`, a queue) → message move task back to it;
   * `lambda-async` (on-failure destination and rule DLQ of `source`, one function or several
   * sharing the queue) → re-invoke the function each message names;
   * `pipe`, `scheduled-job` → not redriven.
   */
  readonly kind: DeadLetterSourceKind;
  /** Required for `sqs-queue` (the queue) and `lambda-async` (the functions). */
  readonly source?: sqs.IQueue | lambda.IFunction | readonly lambda.IFunction[];
  /** The ARN of a source that is neither (a pipe), shown to staff only. */
  readonly sourceArn?: string;
}

export interface OperationsStackProps extends StackProps {
  readonly deadLetterQueues: readonly OperatedDeadLetterQueue[];
  readonly alarmTopic: sns.ITopic;
  readonly logRetentionDays: number;
  readonly functionMemoryMb: number;
  /** `POWERTOOLS_METRICS_NAMESPACE` of the stage. */
  readonly metricsNamespace: string;
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Staff operations of the stage: the operations subgraph (invoked by the gateway of the API
 * stack, which receives `subgraph`), allowed to read, peek and redrive exactly the dead-letter
 * queues it is given, which it learns from `DEAD_LETTER_QUEUES` (JSON) and no other way.
 */
export class OperationsStack extends Stack {
  readonly subgraph: StratumFunction;

  constructor(scope: Construct, id: string, props: OperationsStackProps) {
    super(scope, id, props);
    validate(props.deadLetterQueues);

    this.subgraph = new StratumFunction(this, 'OperationsSubgraph', {
      entry: serviceEntry('operations'),
      description: 'Operations subgraph (staff): dead-letter queues, their messages and redrive',
      serviceName: 'operations',
      metricsNamespace: props.metricsNamespace,
      logRetentionDays: props.logRetentionDays,
      alarmTopic: props.alarmTopic,
      memorySizeMb: props.functionMemoryMb,
      // A function redrive re-sends up to 100 events one Invoke at a time.
      timeout: Duration.seconds(25),
      synchronousCaller: 'the GraphQL gateway (Invoke, RequestResponse)',
      environment: {
        DEAD_LETTER_QUEUES: this.toJsonString(props.deadLetterQueues.map(allowListEntry)),
      },
    });
    const fn = this.subgraph.function;
    for (const entry of props.deadLetterQueues) grantOn(fn, entry);
  }
}

function queueSource(entry: OperatedDeadLetterQueue): sqs.IQueue | undefined {
  const { source } = entry;
  return source && !Array.isArray(source) && 'queueArn' in source ? (source as sqs.IQueue) : undefined;
}

function functionSources(entry: OperatedDeadLetterQueue): lambda.IFunction[] {
  const { source } = entry;
  if (!source) return [];
  if (Array.isArray(source)) return [...(source as readonly lambda.IFunction[])];
  return 'functionArn' in source ? [source as lambda.IFunction] : [];
}

/** The shape `deadLetterQueueEntrySchema` (services/operations) reads. */
function allowListEntry(entry: OperatedDeadLetterQueue) {
  const sourceArn = queueSource(entry)?.queueArn ?? entry.sourceArn;
  const functions = functionSources(entry);
  return {
    name: entry.name,
    feeds: entry.feeds,
    kind: entry.kind,
    queueUrl: entry.queue.queueUrl,
    queueArn: entry.queue.queueArn,
    ...(sourceArn ? { sourceArn } : {}),
    ...(functions.length > 0 ? { functionArns: functions.map((fn) => fn.functionArn) } : {}),
  };
}

/**
 * Least privilege per queue: status and peek on every queue; a move task (which receives and
 * deletes from the DLQ and sends to the source queue with the caller's permissions) only where
 * the source is a queue; delete, and Invoke of exactly the source functions, where they are functions.
 */
function grantOn(fn: lambda.IFunction, entry: OperatedDeadLetterQueue): void {
  const actions = ['sqs:GetQueueAttributes', 'sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility'];
  if (entry.kind === 'sqs-queue') {
    actions.push('sqs:StartMessageMoveTask', 'sqs:ListMessageMoveTasks', 'sqs:DeleteMessage');
  }
  if (entry.kind === 'lambda-async') actions.push('sqs:DeleteMessage');
  fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [entry.queue.queueArn] }));

  const sourceQueue = queueSource(entry);
  if (entry.kind === 'sqs-queue' && sourceQueue) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [sourceQueue.queueArn] }),
    );
  }
  const functions = functionSources(entry);
  if (entry.kind === 'lambda-async' && functions.length > 0) {
    // Unqualified ARNs only: `grantInvoke` would add `<arn>:*` (every version and alias).
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: functions.map((source) => source.functionArn),
      }),
    );
  }
}

/** Every broken invariant of the list, in one error. */
function validate(queues: readonly OperatedDeadLetterQueue[]): void {
  const problems: string[] = [];
  if (queues.length === 0) problems.push('deadLetterQueues is empty: give the stage’s dead-letter queues');
  const seen = new Set<string>();
  for (const entry of queues) {
    if (!NAME.test(entry.name)) {
      problems.push(`"${entry.name}": a name is lower-case letters, digits and dashes, 63 at most`);
    }
    if (seen.has(entry.name)) problems.push(`"${entry.name}" is listed twice`);
    seen.add(entry.name);
    if (entry.kind === 'sqs-queue' && !queueSource(entry)) {
      problems.push(`"${entry.name}": kind sqs-queue needs source = the queue whose redrive policy feeds it`);
    }
    if (entry.kind === 'lambda-async' && functionSources(entry).length === 0) {
      problems.push(
        `"${entry.name}": kind lambda-async needs source = the function(s) whose failures it holds`,
      );
    }
    if (functionSources(entry).length > 10) problems.push(`"${entry.name}": at most 10 source functions`);
  }
  if (problems.length > 0) throw new Error(`OperationsStack: ${problems.join('; ')}`);
}
