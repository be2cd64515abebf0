import { createHash } from 'node:crypto';

/** Where a stack is deployed: the values behind CloudFormation's pseudo parameters. */
export interface StackEnvironment {
  readonly stackName: string;
  readonly accountId: string;
  readonly region: string;
}

/** Marks a value that `Ref: AWS::NoValue` removed: the key or array element disappears. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export const PSEUDO_PARAMETER_NAMES: ReadonlySet<string> = new Set([
  'AWS::AccountId',
  'AWS::Region',
  'AWS::Partition',
  'AWS::URLSuffix',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::NoValue',
  'AWS::NotificationARNs',
]);

/** The sandbox is one commercial-partition endpoint. */
export const LOCAL_PARTITION = 'aws';
export const LOCAL_URL_SUFFIX = 'amazonaws.com';

/** Availability zones `Fn::GetAZs` returns: three, like most regions. */
export function availabilityZones(region: string): string[] {
  return ['a', 'b', 'c'].map((letter) => `${region}${letter}`);
}

/**
 * A stack id shaped like CloudFormation's, stable across restarts (derived from the stack's
 * name and environment) so that names built from it do not change between sandbox runs.
 */
export function stackIdOf(environment: StackEnvironment): string {
  const { stackName, accountId, region } = environment;
  return `arn:${LOCAL_PARTITION}:cloudformation:${region}:${accountId}:stack/${stackName}/${stableUuid(`${accountId}/${region}/${stackName}`)}`;
}

/** A UUID-formatted value derived from `seed`. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The value of a pseudo parameter, `NO_VALUE` for `AWS::NoValue`, or undefined if `name` is not one. */
export function pseudoParameterValue(
  name: string,
  environment: StackEnvironment,
): string | string[] | typeof NO_VALUE | undefined {
  switch (name) {
    case 'AWS::AccountId':
      return environment.accountId;
    case 'AWS::Region':
      return environment.region;
    case 'AWS::Partition':
      return LOCAL_PARTITION;
    case 'AWS::URLSuffix':
      return LOCAL_URL_SUFFIX;
    case 'AWS::StackName':
      return environment.stackName;
    case 'AWS::StackId':
      return stackIdOf(environment);
    case 'AWS::NotificationARNs':
      return [];
    case 'AWS::NoValue':
      return NO_VALUE;
    default:
      return undefined;
  }
}
