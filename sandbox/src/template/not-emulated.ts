import { createHash } from 'node:crypto';
import { generatedPhysicalName } from './physical-names.ts';
import { LOCAL_PARTITION, stableUuid } from './pseudo-parameters.ts';
import type { ProvisionContext, ProvisionedResource } from './resource-provider.ts';

/**
 * A resource type the sandbox deliberately does not emulate because it has no local meaning.
 * The engine still "creates" it with a stand-in: a stable, correctly shaped physical id and
 * the attributes other resources read (`Arn`, ...), so templates that reference it resolve.
 */
export interface NotEmulatedType {
  readonly type: string;
  /** Why it has no local meaning; printed at start as "not emulated: <type> — <reason>". */
  readonly reason: string;
  /** When only some resources of the type qualify: a test on the template's (unresolved) properties. */
  readonly onlyWhen?: {
    readonly description: string;
    readonly test: (properties: Readonly<Record<string, unknown>>) => boolean;
  };
  readonly standIn: (
    logicalId: string,
    properties: Readonly<Record<string, unknown>>,
    context: ProvisionContext,
  ) => ProvisionedResource;
}

const arn = (context: ProvisionContext, service: string, resource: string, global = false) =>
  `arn:${LOCAL_PARTITION}:${service}:${global ? '' : context.stack.region}:${context.stack.accountId}:${resource}`;

const generatedName = generatedPhysicalName;
const nameOf = (properties: Readonly<Record<string, unknown>>, key: string, fallback: string) =>
  typeof properties[key] === 'string' ? (properties[key] as string) : fallback;
const idOnly = (logicalId: string, _properties: unknown, context: ProvisionContext): ProvisionedResource => ({
  physicalId: generatedName(logicalId, context, 128),
});

const IAM_NOT_ENFORCED =
  'recorded but not enforced yet: the sandbox does not evaluate IAM policies (ARCHITECTURE §3, later)';
const NOT_ENFORCED =
  'resource policy, recorded but not enforced (the sandbox evaluates no IAM or resource policies yet)';

/**
 * The short, documented list of resource types the sandbox does not emulate. A provider for a
 * type always wins over this list.
 */
export const NOT_EMULATED: readonly NotEmulatedType[] = [
  { type: 'AWS::CDK::Metadata', reason: "CDK's version analytics; no runtime effect", standIn: idOnly },
  {
    type: 'AWS::CloudWatch::Alarm',
    reason: 'no CloudWatch metrics locally, so alarms can never fire',
    standIn: (id, p, c) => {
      const name = nameOf(p, 'AlarmName', generatedName(id, c, 255));
      return { physicalId: name, attributes: { Arn: arn(c, 'cloudwatch', `alarm:${name}`) } };
    },
  },
  {
    type: 'AWS::CloudWatch::CompositeAlarm',
    reason: 'no CloudWatch metrics locally, so alarms can never fire',
    standIn: (id, p, c) => {
      const name = nameOf(p, 'AlarmName', generatedName(id, c, 255));
      return { physicalId: name, attributes: { Arn: arn(c, 'cloudwatch', `alarm:${name}`) } };
    },
  },
  {
    type: 'AWS::CloudWatch::Dashboard',
    reason: 'no CloudWatch metrics locally; the sandbox console shows logs and events instead',
    standIn: (id, p, c) => ({ physicalId: nameOf(p, 'DashboardName', generatedName(id, c, 255)) }),
  },
  {
    type: 'AWS::Logs::LogGroup',
    reason: 'function logs go to the sandbox console, not CloudWatch Logs',
    standIn: (id, p, c) => {
      const name = nameOf(p, 'LogGroupName', generatedName(id, c, 512));
      return { physicalId: name, attributes: { Arn: arn(c, 'logs', `log-group:${name}:*`) } };
    },
  },
  {
    type: 'AWS::Logs::ResourcePolicy',
    reason: 'lets AWS services write to CloudWatch Logs, which the sandbox does not have',
    standIn: (id, p, c) => ({ physicalId: nameOf(p, 'PolicyName', generatedName(id, c, 255)) }),
  },
  {
    type: 'AWS::KMS::Key',
    reason: 'local data at rest is not encrypted; key ids only have to be well formed',
    standIn: (id, _p, c) => {
      const keyId = stableUuid(`${c.stack.stackId}/${id}`);
      return { physicalId: keyId, attributes: { Arn: arn(c, 'kms', `key/${keyId}`), KeyId: keyId } };
    },
  },
  {
    type: 'AWS::KMS::Alias',
    reason: 'aliases of keys the sandbox does not emulate',
    standIn: (id, p) => ({ physicalId: nameOf(p, 'AliasName', `alias/${id}`) }),
  },
  {
    type: 'AWS::IAM::Role',
    reason: IAM_NOT_ENFORCED,
    standIn: (id, p, c) => {
      const name = nameOf(p, 'RoleName', generatedName(id, c, 64));
      const path = nameOf(p, 'Path', '/');
      const roleId = `AROA${createHash('sha256').update(`${c.stack.stackId}/${id}`).digest('hex').slice(0, 17).toUpperCase()}`;
      return {
        physicalId: name,
        attributes: { Arn: arn(c, 'iam', `role${path}${name}`, true), RoleId: roleId },
      };
    },
  },
  {
    type: 'AWS::IAM::Policy',
    reason: IAM_NOT_ENFORCED,
    standIn: (id, _p, c) => {
      const policyId = generatedName(id, c, 128);
      return { physicalId: policyId, attributes: { Id: policyId } };
    },
  },
  {
    type: 'AWS::IAM::ManagedPolicy',
    reason: IAM_NOT_ENFORCED,
    standIn: (id, p, c) => {
      const name = nameOf(p, 'ManagedPolicyName', generatedName(id, c, 128));
      const policyArn = arn(c, 'iam', `policy${nameOf(p, 'Path', '/')}${name}`, true);
      return {
        physicalId: policyArn,
        attributes: {
          PolicyArn: policyArn,
          PolicyId: `ANPA${stableUuid(policyArn).replaceAll('-', '').slice(0, 17).toUpperCase()}`,
        },
      };
    },
  },
  {
    type: 'AWS::Lambda::Permission',
    reason: `Lambda ${NOT_ENFORCED}; invocations are wired from the templates' integrations and event sources`,
    standIn: idOnly,
  },
  { type: 'AWS::SNS::TopicPolicy', reason: `SNS ${NOT_ENFORCED}`, standIn: idOnly },
  { type: 'AWS::SQS::QueuePolicy', reason: `SQS ${NOT_ENFORCED}`, standIn: idOnly },
  { type: 'AWS::S3::BucketPolicy', reason: `S3 ${NOT_ENFORCED}`, standIn: idOnly },
  {
    type: 'AWS::SNS::Subscription',
    reason: 'e-mail subscriptions (alarm notifications) need a confirmed mailbox; local alarms never fire',
    onlyWhen: {
      description: 'Protocol "email" or "email-json"',
      test: (p) => p.Protocol === 'email' || p.Protocol === 'email-json',
    },
    standIn: (id, p, c) => ({
      physicalId: `${String(p.TopicArn)}:${stableUuid(`${c.stack.stackId}/${id}`)}`,
    }),
  },
  {
    type: 'AWS::WAFv2::WebACL',
    reason: 'request filtering at the edge; sandbox traffic comes from the developer',
    standIn: (id, p, c) => {
      const name = nameOf(p, 'Name', generatedName(id, c, 128));
      const aclId = stableUuid(`${c.stack.stackId}/${id}`);
      const scope = p.Scope === 'CLOUDFRONT' ? 'global' : 'regional';
      const aclArn = arn(c, 'wafv2', `${scope}/webacl/${name}/${aclId}`);
      return {
        physicalId: `${name}|${aclId}|${String(p.Scope)}`,
        attributes: {
          Arn: aclArn,
          Id: aclId,
          LabelNamespace: `awswaf:${c.stack.accountId}:webacl:${name}:`,
          Capacity: 0,
        },
      };
    },
  },
  {
    type: 'AWS::WAFv2::WebACLAssociation',
    reason: 'attaches a web ACL, which is not emulated',
    standIn: idOnly,
  },
  {
    type: 'AWS::WAFv2::LoggingConfiguration',
    reason: 'logs of a web ACL, which is not emulated',
    standIn: idOnly,
  },
  {
    type: 'AWS::CertificateManager::Certificate',
    reason: 'the sandbox serves plain HTTP on localhost; no TLS certificates',
    standIn: (id, _p, c) => {
      const certificateArn = arn(c, 'acm', `certificate/${stableUuid(`${c.stack.stackId}/${id}`)}`);
      return { physicalId: certificateArn, attributes: { Id: certificateArn } };
    },
  },
  {
    type: 'AWS::Route53::RecordSet',
    reason: 'no DNS: the sandbox serves on localhost ports',
    standIn: (_id, p) => ({ physicalId: String(p.Name) }),
  },
];

/** The not-emulated entry that covers a resource, if any (the template's unresolved properties decide `onlyWhen`). */
export function notEmulatedEntryFor(
  type: string,
  properties: Readonly<Record<string, unknown>>,
): NotEmulatedType | undefined {
  return NOT_EMULATED.find((entry) => entry.type === type && (entry.onlyWhen?.test(properties) ?? true));
}
