import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import config from '../../../stratum.config.ts';
import { createStratumApp } from '../../src/stratum-app.ts';

/** Bundling is not a gate; skipping it keeps these tests about the gates, and fast. */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

function tempOutdir(): string {
  return mkdtempSync(join(tmpdir(), 'stratum-gates-'));
}

/** A dev-only app in a temporary folder, with one extra stack the test can spoil. */
function devAppWith(build: (stack: Stack) => void): App {
  const { app, stages } = createStratumApp({
    config,
    onlyStages: ['dev'],
    appProps: { outdir: tempOutdir(), context: NO_BUNDLING },
  });
  const [dev] = stages;
  if (!dev) throw new Error('dev stage missing');
  build(new Stack(dev, 'Spoiled', { stackName: 'stratum-dev-spoiled' }));
  return app;
}

function synthError(app: App): string {
  try {
    app.synth();
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error('synth succeeded, but the gates should have failed it');
}

describe('synth gates', () => {
  it('let the configured stages through', () => {
    const { app } = createStratumApp({
      config,
      onlyStages: ['dev', 'prod'],
      appProps: { outdir: tempOutdir(), context: NO_BUNDLING },
    });
    expect(() => app.synth()).not.toThrow();
  });

  it('fail synth on an unencrypted, public bucket (cdk-nag)', () => {
    const app = devAppWith((stack) => {
      new s3.Bucket(stack, 'Leaky', {
        encryption: s3.BucketEncryption.UNENCRYPTED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
        publicReadAccess: true,
      });
    });
    const message = synthError(app);
    expect(message).toContain('AwsSolutions-S2'); // public access not blocked
    expect(message).toContain('AwsSolutions-S10'); // TLS not required
    expect(message).toContain('dev/Spoiled/Leaky');
  });

  it('fail synth on a template CloudFormation would reject (built-in validator)', () => {
    const app = devAppWith((stack) => {
      new CfnResource(stack, 'Broken', {
        type: 'AWS::SQS::Queue',
        properties: { KmsMasterKeyId: 'alias/aws/sqs', MessageRetentionPeriod: 'one week' },
      });
    });
    const message = synthError(app);
    expect(message).toContain('CloudFormation Validate');
    expect(message).toMatch(/MessageRetentionPeriod: 'one week' is not of type 'integer'/);
  });

  it('let an acknowledged finding through, with its reason kept on the construct', () => {
    const plainTopic = (stack: Stack) => new sns.CfnTopic(stack, 'Plain');
    expect(synthError(devAppWith(plainTopic))).toContain('AwsSolutions-SNS3');

    let topic: sns.CfnTopic | undefined;
    const app = devAppWith((stack) => {
      topic = plainTopic(stack);
      Validations.of(topic).acknowledge(
        { id: 'AwsSolutions::AwsSolutions-SNS2', reason: 'test: encryption acknowledged on purpose' },
        { id: 'AwsSolutions::AwsSolutions-SNS3', reason: 'test: TLS policy acknowledged on purpose' },
      );
    });
    expect(() => app.synth()).not.toThrow();
    const recorded = JSON.stringify(
      topic?.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY),
    );
    expect(recorded).toContain('test: TLS policy acknowledged on purpose');
  });
});
