import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type StageTemplates, stageOf, synthesizeStages } from './stage-fixture.ts';

let dev: StageTemplates;
let prod: StageTemplates;
beforeAll(() => {
  const stages = synthesizeStages(['dev', 'prod']);
  dev = stageOf(stages, 'dev');
  prod = stageOf(stages, 'prod');
});

type Resources = ReturnType<StageTemplates['api']['findResources']>;

/** The stacks that hold Stratum's functions. */
const functionStacks = (templates: StageTemplates) => [
  templates.auth,
  templates.api,
  templates.media,
  templates.events,
  templates.notifications,
];

/** Our functions, without the handlers CDK adds (cross-region references, bucket notifications). */
function stratumFunctions(templates: StageTemplates): Resources {
  const all = Object.assign(
    {},
    ...functionStacks(templates).map((template) => template.findResources('AWS::Lambda::Function')),
  ) as Resources;
  return Object.fromEntries(
    Object.entries(all).filter(([, fn]) => JSON.stringify(fn.Properties).includes('POWERTOOLS_SERVICE_NAME')),
  );
}

describe('every function', () => {
  it('exists once per handler: trigger, authorizer, gateway, three subgraphs, media, events, notifications', () => {
    const services = Object.values(stratumFunctions(dev)).map(
      (fn) =>
        (fn.Properties as { Environment: { Variables: Record<string, string> } }).Environment.Variables
          .POWERTOOLS_SERVICE_NAME,
    );
    expect(services.sort()).toEqual([
      'analytics',
      'authorizer',
      'due-soon',
      'event-enricher',
      'gateway',
      'identity-triggers',
      'media',
      // Upload processor, transcode completion, todo cleanup: one package, three entries.
      'media-processor',
      'media-processor',
      'media-processor',
      'notifications',
      'todo',
      'users',
    ]);
  });

  it('runs Node.js 22 on arm64 with active tracing, Powertools settings and JSON logs', () => {
    for (const [id, fn] of Object.entries(stratumFunctions(dev))) {
      expect(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO' },
        Environment: {
          Variables: expect.objectContaining({
            POWERTOOLS_METRICS_NAMESPACE: 'stratum-dev',
            POWERTOOLS_LOG_LEVEL: 'INFO',
            NODE_OPTIONS: '--enable-source-maps',
          }),
        },
      });
      expect(fn.Properties, id).not.toHaveProperty('ReservedConcurrentExecutions');
    }
  });

  it('sizes memory per stage: functionMemoryMb, gatewayMemoryMb for the gateway, ≥ 1536 MB for sharp', () => {
    const memory = (templates: StageTemplates) =>
      Object.values(stratumFunctions(templates)).map(
        (fn) => (fn.Properties as { MemorySize: number }).MemorySize,
      );
    const count = Object.keys(stratumFunctions(dev)).length;
    const sorted = (sizes: number[]) => sizes.sort((a, b) => a - b);
    expect(sorted(memory(dev))).toEqual([...Array(count - 2).fill(512), 1024, 1536]);
    expect(sorted(memory(prod))).toEqual([...Array(count - 2).fill(1024), 1536, 1769]);
  });

  it('writes to its own log group, kept logRetentionDays, without AWS managed policies', () => {
    for (const template of functionStacks(dev)) {
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
      const roles = Object.values(
        template.findResources('AWS::IAM::Role', {
          Properties: { Description: Match.stringLikeRegexp('^Execution role of ') },
        }),
      );
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) {
        expect(role.Properties).not.toHaveProperty('ManagedPolicyArns');
      }
    }
    prod.api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    dev.api.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GatewayLogs'), 'Arn'] },
          },
        ]),
      },
    });
  });

  it('has alarms on errors and throttles that notify the stage’s alarm topic', () => {
    for (const template of functionStacks(dev)) {
      const count = Object.keys(stratumFunctions(dev)).filter((id) =>
        Object.keys(template.findResources('AWS::Lambda::Function')).includes(id),
      ).length;
      for (const metric of ['Errors', 'Throttles']) {
        const alarms = template.findResources('AWS::CloudWatch::Alarm', {
          Properties: {
            MetricName: metric,
            Namespace: 'AWS/Lambda',
            AlarmActions: [{ 'Fn::ImportValue': Match.stringLikeRegexp('AlarmsTopic') }],
          },
        });
        expect(Object.keys(alarms), metric).toHaveLength(count);
      }
    }
  });

  it('reads the table only through its key and its two indexes (no wildcards)', () => {
    const statements = functionStacks(dev)
      .flatMap((template) => Object.values(template.findResources('AWS::IAM::Policy')))
      .flatMap(
        (policy) =>
          (policy.Properties as { PolicyDocument: { Statement: object[] } }).PolicyDocument.Statement,
      );
    const text = JSON.stringify(statements);
    expect(text).toContain('/index/gsi1');
    expect(text).not.toContain('/index/*');
    expect(text).not.toMatch(/kms:[A-Za-z]+\*/);
  });
});
