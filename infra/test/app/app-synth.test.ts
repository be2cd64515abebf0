import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../../stratum.config.ts';
import { createStratumApp } from '../../src/stratum-app.ts';
import { temporaryOutdir } from './temporary-outdir.ts';

/**
 * The real thing: every stage of stratum.config.ts (and one preview), with esbuild bundling,
 * through cdk-nag and the CloudFormation validator. Synthesis throws on any finding.
 */
let assembly: CloudAssembly;
let stageNames: string[];
beforeAll(() => {
  const { app, stages } = createStratumApp({
    config,
    previewNumbers: [0],
    appProps: { outdir: temporaryOutdir('stratum-app-synth') },
  });
  stageNames = stages.map((stage) => stage.stageName);
  assembly = app.synth();
}, 240_000);

/** The bundled code of one function of a stage, found through the stack's asset manifest. */
function bundleOf(stage: string, service: string): string {
  const nested = assembly.getNestedAssembly(`assembly-${stage}`);
  const api = nested.stacks.find((stack) => stack.stackName === `stratum-${stage}-api`);
  if (!api) throw new Error(`no api stack in ${stage}`);
  const fn = Object.values(
    api.template.Resources as Record<string, { Type: string; Properties: never }>,
  ).find(
    (resource) =>
      resource.Type === 'AWS::Lambda::Function' &&
      JSON.stringify(resource.Properties).includes(`"POWERTOOLS_SERVICE_NAME":"${service}"`),
  );
  if (!fn) throw new Error(`no ${service} function in ${stage}`);
  const { S3Key } = (fn.Properties as { Code: { S3Key: string } }).Code;
  const file = join(assembly.directory, `asset.${S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
  if (!existsSync(file)) throw new Error(`bundle ${file} missing`);
  return readFileSync(file, 'utf8');
}

describe('the whole app', () => {
  it('synthesizes every stage through the gates, eleven stacks each', () => {
    expect(stageNames).toEqual(['local', 'dev', 'preview-0', 'integration', 'staging', 'prod', 'prod-acme']);
    for (const name of stageNames) {
      const stacks = assembly.getNestedAssembly(`assembly-${name}`).stacks.map((stack) => stack.stackName);
      expect(stacks.sort()).toEqual(
        [
          'api',
          'auth',
          'data',
          'edge',
          'events',
          'internal-app',
          'media',
          'monitoring',
          'notifications',
          'operations',
          'web-app',
        ].map((part) => `stratum-${name}-${part}`),
      );
    }
  });

  it('bundles each function as ESM with the AWS SDK inside', () => {
    const gateway = bundleOf('dev', 'gateway');
    expect(gateway.startsWith('import { createRequire as __stratumCreateRequire }')).toBe(true);
    expect(gateway).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(bundleOf('dev', 'users')).not.toMatch(/from\s*["']@aws-sdk\//);
  });
});
