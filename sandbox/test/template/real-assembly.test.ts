import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStratumApp } from '../../../infra/src/stratum-app.ts';
import config from '../../../stratum.config.ts';
import { bucketNotificationHandlers } from '../../src/s3/bucket-notification-handlers.ts';
import {
  type CloudAssembly,
  type DeployedAssembly,
  deployAssembly,
  NOT_EMULATED,
  readCloudAssembly,
} from '../../src/template/index.ts';
import { type RecordedCall, recordingProviders } from './recording-providers.ts';

/**
 * The real `local` stage, synthesized here, planned and deployed with recording providers for
 * every type that is not on the not-emulated list: proves the real templates use only
 * intrinsics, dynamic references and assets the engine supports.
 */
describe('the synthesized local stage', () => {
  let outdir: string;
  let assembly: CloudAssembly;
  let deployed: DeployedAssembly;
  const calls: RecordedCall[] = [];

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'stratum-template-'));
    const { app } = createStratumApp({
      config,
      onlyStages: ['local'],
      // Bundling is the Lambda build's concern; skipping it keeps this test fast.
      appProps: { outdir, context: { 'aws:cdk:bundling-stacks': [] } },
    });
    app.synth();
    assembly = readCloudAssembly(outdir, { stage: 'local' });
    const notEmulated = new Set(NOT_EMULATED.map((entry) => entry.type));
    const types = new Set(
      assembly.stacks.flatMap((stack) =>
        Object.values(stack.template.Resources).map((resource) => resource.Type),
      ),
    );
    const emulated = [...types].filter(
      (type) => !notEmulated.has(type) && !type.startsWith('Custom::CrossRegion'),
    );
    deployed = await deployAssembly(assembly, { providers: recordingProviders(emulated, calls) });
  }, 180_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('orders every stack after the stacks it depends on', () => {
    const names = assembly.stacks.map((stack) => stack.artifactId);
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const [index, stack] of assembly.stacks.entries()) {
      for (const dependency of stack.dependsOn) expect(names.indexOf(dependency)).toBeLessThan(index);
    }
  });

  it('creates or stands in for every resource of every stack', () => {
    for (const [index, stack] of deployed.stacks.entries()) {
      const template = assembly.stacks[index]?.template;
      expect(stack.resources.size).toBe(Object.keys(template?.Resources ?? {}).length);
      for (const resource of stack.resources.values()) {
        expect(resource.status).not.toBe('skipped');
        expect(resource.physicalId).toBeTruthy();
      }
    }
    expect(calls.length).toBeGreaterThan(0);
  });

  it('resolves every intrinsic function in the properties the providers receive', () => {
    const leftovers = calls.filter((call) =>
      /"(Ref|Fn::[A-Za-z]+)":|\{\{resolve:/.test(JSON.stringify(call.properties)),
    );
    expect(leftovers.map((call) => call.logicalId)).toEqual([]);
  });

  it('resolves every Lambda function code to an asset on disk, except the handlers the sandbox replaces', () => {
    // CDK's bucket-notifications handler is inline Python (`Code.ZipFile`), recorded and never run:
    // the sandbox applies notification configurations natively.
    const native = bucketNotificationHandlers(assembly.stacks);
    const functions = calls.filter((call) => call.type === 'AWS::Lambda::Function');
    const inline = functions.filter((call) => 'ZipFile' in (call.properties.Code as object));
    expect(inline.map((call) => `${call.stackName}/${call.logicalId}`).sort()).toEqual([...native].sort());
    const bundled = functions.filter((call) => !inline.includes(call));
    expect(bundled.length).toBeGreaterThan(0);
    for (const call of bundled) {
      const code = call.properties.Code as { S3Bucket: string; S3Key: string };
      const asset = assembly.assets.require(code.S3Bucket, code.S3Key, call.logicalId);
      expect(statSync(asset.path).isDirectory() || statSync(asset.path).isFile()).toBe(true);
    }
  });
});
