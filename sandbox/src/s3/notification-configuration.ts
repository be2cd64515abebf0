import { createHash } from 'node:crypto';
import { S3DefinitionError } from './errors.ts';

export type DestinationKind = 'lambda' | 'sqs' | 'sns';

/** One destination of a bucket's notifications, in either configuration shape, checked. */
export interface NotificationDestination {
  readonly id: string;
  readonly kind: DestinationKind;
  readonly arn: string;
  /** Event types as configured: `s3:ObjectCreated:*`, `s3:ObjectRemoved:Delete`, ... */
  readonly events: readonly string[];
  readonly prefix?: string;
  readonly suffix?: string;
}

export interface BucketNotifications {
  readonly destinations: readonly NotificationDestination[];
  /** `EventBridgeConfiguration`: every event also goes to the default bus. */
  readonly eventBridge: boolean;
}

export const NO_NOTIFICATIONS: BucketNotifications = { destinations: [], eventBridge: false };

const EVENT_TYPE =
  /^s3:(ObjectCreated|ObjectRemoved|ObjectRestore|ReducedRedundancyLostObject|Replication|LifecycleExpiration|LifecycleTransition|IntelligentTiering|ObjectTagging|ObjectAcl):?[A-Za-z*:]*$/;

interface KindShape {
  readonly kind: DestinationKind;
  /** CloudFormation's list, its ARN property, and the API's (CDK's custom resource) equivalents. */
  readonly cfn: readonly [list: string, arn: string];
  readonly api: readonly [list: string, arn: string];
}

const KINDS: readonly KindShape[] = [
  {
    kind: 'lambda',
    cfn: ['LambdaConfigurations', 'Function'],
    api: ['LambdaFunctionConfigurations', 'LambdaFunctionArn'],
  },
  { kind: 'sqs', cfn: ['QueueConfigurations', 'Queue'], api: ['QueueConfigurations', 'QueueArn'] },
  { kind: 'sns', cfn: ['TopicConfigurations', 'Topic'], api: ['TopicConfigurations', 'TopicArn'] },
];

function filterRules(
  filter: unknown,
  path: string,
  problems: string[],
): { prefix?: string; suffix?: string } {
  if (filter === undefined) return {};
  const container = filter as { S3Key?: { Rules?: unknown }; Key?: { FilterRules?: unknown } };
  const rules = container.S3Key?.Rules ?? container.Key?.FilterRules;
  if (!Array.isArray(rules)) {
    problems.push(`${path}.Filter has no key filter rules`);
    return {};
  }
  const result: { prefix?: string; suffix?: string } = {};
  for (const [index, raw] of rules.entries()) {
    const rule = (raw ?? {}) as { Name?: unknown; Value?: unknown };
    const name = typeof rule.Name === 'string' ? rule.Name.toLowerCase() : '';
    if ((name !== 'prefix' && name !== 'suffix') || typeof rule.Value !== 'string') {
      problems.push(
        `${path}.Filter rule ${index}: FilterRule name must be either prefix or suffix, with a string value`,
      );
      continue;
    }
    if (result[name] !== undefined) {
      problems.push(`${path}.Filter: Cannot specify more than one ${name} rule in a filter.`);
    }
    result[name] = rule.Value;
  }
  return result;
}

function stableId(kind: string, arn: string, index: number): string {
  return createHash('sha256').update(`${kind}\0${arn}\0${index}`).digest('base64url').slice(0, 24);
}

/** Two configurations with the same event type that overlap in key filter, as S3 refuses them. */
function overlapProblems(destinations: readonly NotificationDestination[]): string[] {
  const problems: string[] = [];
  for (const [i, a] of destinations.entries()) {
    for (const b of destinations.slice(i + 1)) {
      const sharedEvent = a.events.some((event) => b.events.some((other) => eventsOverlap(event, other)));
      const prefixesOverlap =
        (a.prefix ?? '').startsWith(b.prefix ?? '') || (b.prefix ?? '').startsWith(a.prefix ?? '');
      const suffixesOverlap =
        (a.suffix ?? '').endsWith(b.suffix ?? '') || (b.suffix ?? '').endsWith(a.suffix ?? '');
      if (sharedEvent && prefixesOverlap && suffixesOverlap) {
        problems.push(
          `Configurations overlap. Configurations on the same bucket cannot share a common event type (${a.arn} and ${b.arn})`,
        );
      }
    }
  }
  return problems;
}

function eventsOverlap(a: string, b: string): boolean {
  return (
    configuredEventMatches(a, b.replace(/^s3:/, '').replace(/\*$/, '')) ||
    configuredEventMatches(b, a.replace(/^s3:/, '').replace(/\*$/, ''))
  );
}

function readConfiguration(
  configuration: unknown,
  shape: 'cfn' | 'api',
  resource: string,
): BucketNotifications {
  if (configuration === undefined || configuration === null) return NO_NOTIFICATIONS;
  const source = configuration as Record<string, unknown>;
  const problems: string[] = [];
  const destinations: NotificationDestination[] = [];
  for (const kind of KINDS) {
    const [listName, arnName] = kind[shape];
    const list = source[listName];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`NotificationConfiguration.${listName} must be a list`);
      continue;
    }
    for (const [index, raw] of list.entries()) {
      const path = `NotificationConfiguration.${listName}[${index}]`;
      const entry = (raw ?? {}) as Record<string, unknown>;
      const arn = entry[arnName];
      const events = shape === 'cfn' ? [entry.Event] : entry.Events;
      if (typeof arn !== 'string' || !arn.startsWith('arn:'))
        problems.push(`${path}.${arnName} must be an ARN`);
      if (
        !Array.isArray(events) ||
        events.length === 0 ||
        events.some((e) => typeof e !== 'string' || !EVENT_TYPE.test(e))
      ) {
        problems.push(`${path}: The event is not supported for notifications (${JSON.stringify(events)})`);
      }
      destinations.push({
        id: typeof entry.Id === 'string' ? entry.Id : stableId(kind.kind, String(arn), index),
        kind: kind.kind,
        arn: String(arn),
        events: Array.isArray(events) ? events.map(String) : [],
        ...filterRules(entry.Filter, path, problems),
      });
    }
  }
  problems.push(...overlapProblems(destinations));
  if (problems.length > 0) throw new S3DefinitionError(resource, problems);
  const eventBridge =
    shape === 'cfn'
      ? (source.EventBridgeConfiguration as { EventBridgeEnabled?: unknown } | undefined)
          ?.EventBridgeEnabled === true ||
        (source.EventBridgeConfiguration as { EventBridgeEnabled?: unknown } | undefined)
          ?.EventBridgeEnabled === 'true'
      : source.EventBridgeConfiguration !== undefined;
  return { destinations, eventBridge };
}

/** `AWS::S3::Bucket` `NotificationConfiguration` (`LambdaConfigurations[].Function`, `Event`, `Filter.S3Key.Rules`). */
export function fromCloudFormation(configuration: unknown, resource: string): BucketNotifications {
  return readConfiguration(configuration, 'cfn', resource);
}

/** The PutBucketNotificationConfiguration shape CDK's `Custom::S3BucketNotifications` carries. */
export function fromApi(configuration: unknown, resource: string): BucketNotifications {
  return readConfiguration(configuration, 'api', resource);
}

/** Does a configured type (`s3:ObjectCreated:*`) cover an event (`ObjectCreated:Put`)? */
export function configuredEventMatches(configured: string, eventName: string): boolean {
  const name = configured.replace(/^s3:/, '');
  return name.endsWith('*') ? eventName.startsWith(name.slice(0, -1)) : name === eventName;
}

/** The destinations an event of this name on this key goes to. */
export function destinationsFor(
  notifications: BucketNotifications,
  eventName: string,
  key: string,
): NotificationDestination[] {
  return notifications.destinations.filter(
    (destination) =>
      destination.events.some((configured) => configuredEventMatches(configured, eventName)) &&
      key.startsWith(destination.prefix ?? '') &&
      key.endsWith(destination.suffix ?? ''),
  );
}
