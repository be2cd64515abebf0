// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are written with ${...}
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssemblyError, DependencyCycleError, readCloudAssembly } from '../../src/template/index.ts';

let outdir: string;
const write = (path: string, value: unknown) => {
  mkdirSync(join(outdir, path, '..'), { recursive: true });
  writeFileSync(join(outdir, path), typeof value === 'string' ? value : JSON.stringify(value));
};

const stackArtifact = (
  name: string,
  dependencies: string[],
  environment = 'aws://111122223333/eu-west-1',
) => ({
  type: 'aws:cloudformation:stack',
  environment,
  displayName: `local/${name}`,
  properties: { templateFile: `${name}.template.json`, stackName: `app-local-${name.toLowerCase()}` },
  dependencies,
});

/** A stage assembly shaped like CDK's: API depends on Data (listed first), assets with placeholders. */
function writeStageAssembly(artifacts: Record<string, unknown>): void {
  write('manifest.json', {
    version: '55.0.0',
    artifacts: {
      'assembly-local': {
        type: 'cdk:cloud-assembly',
        properties: { directoryName: 'assembly-local', displayName: 'local' },
      },
    },
  });
  write('assembly-local/manifest.json', { version: '55.0.0', artifacts });
  write('assembly-local/Api.template.json', { Resources: { Fn: { Type: 'AWS::Lambda::Function' } } });
  write('assembly-local/Data.template.json', { Resources: { Table: { Type: 'AWS::DynamoDB::Table' } } });
  write('assembly-local/Api.assets.json', {
    version: '55.0.0',
    files: {
      abc123: {
        displayName: 'Api/Fn/Code',
        source: { path: 'asset.abc123', packaging: 'zip' },
        destinations: {
          current: { bucketName: 'cdk-assets-${AWS::AccountId}-${AWS::Region}', objectKey: 'abc123.zip' },
          edge: {
            bucketName: 'cdk-assets-${AWS::AccountId}-us-east-1',
            objectKey: 'abc123.zip',
            region: 'us-east-1',
          },
        },
      },
      tpl: {
        source: { path: 'Api.template.json', packaging: 'file' },
        destinations: { d: { bucketName: 'b', objectKey: 'tpl.json' } },
      },
    },
  });
  write('assembly-local/asset.abc123/index.mjs', 'export const handler = () => 1;');
}

beforeEach(() => {
  outdir = mkdtempSync(join(tmpdir(), 'stratum-assembly-'));
});
afterEach(() => rmSync(outdir, { recursive: true, force: true }));

describe('readCloudAssembly', () => {
  it('reads the stage assembly, orders stacks by dependency and indexes assets by S3 location', () => {
    writeStageAssembly({
      'Api.assets': { type: 'cdk:asset-manifest', properties: { file: 'Api.assets.json' } },
      Api: stackArtifact('Api', ['Api.assets', 'Data']),
      Data: stackArtifact('Data', []),
    });
    const assembly = readCloudAssembly(outdir, { stage: 'local' });
    expect(assembly.directory).toBe(join(outdir, 'assembly-local'));
    expect(assembly.stacks.map((stack) => [stack.stackName, stack.dependsOn])).toEqual([
      ['app-local-data', []],
      ['app-local-api', ['Data']],
    ]);
    expect(assembly.stacks[1]).toMatchObject({
      accountId: '111122223333',
      region: 'eu-west-1',
      displayName: 'local/Api',
    });
    expect(assembly.stacks[1]?.template.Resources.Fn?.Type).toBe('AWS::Lambda::Function');

    const code = assembly.assets.resolve('cdk-assets-111122223333-eu-west-1', 'abc123.zip');
    expect(code).toEqual({
      id: 'abc123',
      path: join(outdir, 'assembly-local', 'asset.abc123'),
      packaging: 'zip',
      displayName: 'Api/Fn/Code',
    });
    expect(assembly.assets.resolveUrl('s3://cdk-assets-111122223333-us-east-1/abc123.zip')?.id).toBe(
      'abc123',
    );
    expect(assembly.assets.resolve('b', 'tpl.json')?.packaging).toBe('file');
    expect(() => assembly.assets.require('cdk-assets-111122223333-eu-west-1', 'nope.zip', 'Fn')).toThrow(
      'Fn points at s3://cdk-assets-111122223333-eu-west-1/nope.zip, which is not an asset of the cloud assembly',
    );
  });

  it('picks the only stage when none is named, and lists the stages when the named one is missing', () => {
    writeStageAssembly({ Data: stackArtifact('Data', []) });
    expect(readCloudAssembly(outdir).stacks).toHaveLength(1);
    expect(() => readCloudAssembly(outdir, { stage: 'prod' })).toThrow(AssemblyError);
    expect(() => readCloudAssembly(outdir, { stage: 'prod' })).toThrow(
      'has no nested assembly for stage "prod" (stages: local)',
    );
  });

  it('refuses stacks without an explicit environment and stacks that depend on each other', () => {
    writeStageAssembly({ Data: stackArtifact('Data', [], 'aws://unknown-account/unknown-region') });
    expect(() => readCloudAssembly(outdir, { stage: 'local' })).toThrow(
      /deploys only stacks with an explicit account and region/,
    );
    writeStageAssembly({ Api: stackArtifact('Api', ['Data']), Data: stackArtifact('Data', ['Api']) });
    expect(() => readCloudAssembly(outdir, { stage: 'local' })).toThrow(DependencyCycleError);
    expect(() => readCloudAssembly(outdir, { stage: 'local' })).toThrow(
      'stack dependency cycle: Api → Data → Api',
    );
  });

  it('says which file is missing or broken', () => {
    expect(() => readCloudAssembly(outdir)).toThrow(
      /cannot read the cloud assembly manifest .*manifest\.json/,
    );
    writeStageAssembly({ Data: stackArtifact('Data', []) });
    write('assembly-local/Data.template.json', '{ not json');
    expect(() => readCloudAssembly(outdir, { stage: 'local' })).toThrow(
      /the template .*Data\.template\.json is not valid JSON/,
    );
  });
});
