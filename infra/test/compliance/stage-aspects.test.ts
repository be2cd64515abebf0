import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { StageRemovalPolicy } from '../../src/compliance/stage-removal-policy.ts';
import { applyStratumTags } from '../../src/compliance/stratum-tags.ts';

function stackWithData(policy: 'destroy' | 'retain' | 'snapshot'): Template {
  const stack = new Stack(new App(), 'S');
  new dynamodb.TableV2(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
  new sqs.Queue(stack, 'Queue');
  Aspects.of(stack).add(new StageRemovalPolicy(policy));
  applyStratumTags(stack, { project: 'stratum', stage: 'dev', owner: 'team', costCenter: 'cc-1' });
  return Template.fromStack(stack);
}

describe('stage aspects', () => {
  it('tags every resource with project, stage, owner and cost-center', () => {
    const queue = Object.values(stackWithData('destroy').findResources('AWS::SQS::Queue'))[0];
    expect(queue?.Properties.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'project', Value: 'stratum' },
        { Key: 'stage', Value: 'dev' },
        { Key: 'owner', Value: 'team' },
        { Key: 'cost-center', Value: 'cc-1' },
      ]),
    );
  });

  it.each([
    ['destroy', 'Delete'],
    ['retain', 'Retain'],
    ['snapshot', 'Retain'], // tables and queues cannot be snapshotted: retained instead
  ] as const)('applies the %s removal policy to stateful resources', (policy, expected) => {
    const template = stackWithData(policy);
    for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::SQS::Queue']) {
      const resource = Object.values(template.findResources(type))[0];
      expect(resource?.DeletionPolicy).toBe(expected);
      expect(resource?.UpdateReplacePolicy).toBe(expected);
    }
  });
});
