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

describe('data stack', () => {
  it('builds one table from TABLE_SCHEMA, on demand, with a stream and TTL', () => {
    dev.data.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    dev.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({
          IndexName: 'gsi1',
          KeySchema: Match.arrayWith([{ AttributeName: 'gsi1pk', KeyType: 'HASH' }]),
        }),
        Match.objectLike({
          IndexName: 'gsi2',
          KeySchema: Match.arrayWith([{ AttributeName: 'gsi2sk', KeyType: 'RANGE' }]),
        }),
      ]),
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    });
  });

  it('encrypts with a customer-managed key that rotates', () => {
    dev.data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    dev.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('Key'), 'Arn'] } },
        }),
      ],
    });
  });

  it('keeps point-in-time recovery for the stage’s backupRetentionDays', () => {
    const pitr = (days: number) => ({
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: days },
        }),
      ],
    });
    dev.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', pitr(7));
    prod.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', pitr(35));
  });

  it('protects the prod table from deletion, and not the dev table', () => {
    prod.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
    prod.data.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
    dev.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
    dev.data.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
    expect(prod.stage.data.terminationProtection).toBe(true);
  });
});
