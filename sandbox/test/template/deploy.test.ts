// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are written with ${...}
import { describe, expect, it } from 'vitest';
import {
  AssetIndex,
  deployAssembly,
  ExportRegistry,
  MissingExportError,
  NOT_EMULATED,
  ProvisioningError,
  UnsupportedResourceTypesError,
} from '../../src/template/index.ts';
import { deployInline, stackOf, thingProviders } from './inline-stack.ts';

describe('deployStack', () => {
  it('creates resources in dependency order with properties resolved from what exists', async () => {
    const created: string[] = [];
    const providers = {
      'Test::Thing': {
        create: async (logicalId: string, properties: Readonly<Record<string, unknown>>) => {
          created.push(logicalId);
          return {
            physicalId: `${logicalId}-id`,
            attributes: { Arn: `arn:${logicalId}`, Echo: properties.Name },
          };
        },
      },
    };
    const deployed = await deployInline(
      {
        Resources: {
          Consumer: { Type: 'Test::Thing', Properties: { Name: { 'Fn::GetAtt': ['Producer', 'Arn'] } } },
          Producer: { Type: 'Test::Thing', Properties: { Name: 'p' } },
        },
        Outputs: { Echo: { Value: { 'Fn::GetAtt': ['Consumer', 'Echo'] } } },
      },
      { providers },
    );
    expect(created).toEqual(['Producer', 'Consumer']);
    expect(deployed.outputs).toEqual({ Echo: 'arn:Producer' });
  });

  it('stands in for not-emulated types with well-formed ids and the attributes templates read', async () => {
    const deployed = await deployInline({
      Resources: {
        Key: { Type: 'AWS::KMS::Key', Properties: {} },
        Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
        Topic: {
          Type: 'Test::Thing',
          Properties: { KmsKey: { 'Fn::GetAtt': ['Key', 'Arn'] }, Role: { 'Fn::GetAtt': ['Role', 'Arn'] } },
        },
        Mail: {
          Type: 'AWS::SNS::Subscription',
          Properties: { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: 'Topic' } },
        },
      },
    });
    const topic = deployed.resources.get('Topic');
    expect(topic?.properties.KmsKey).toMatch(/^arn:aws:kms:eu-west-1:123456789012:key\/[0-9a-f-]{36}$/);
    expect(topic?.properties.Role).toMatch(/^arn:aws:iam::123456789012:role\/test-stack-Role-[0-9A-F]{12}$/);
    expect(deployed.resources.get('Key')?.status).toBe('not-emulated');
    expect(deployed.resources.get('Mail')?.physicalId).toMatch(/^Topic-id:/);
  });

  it('gives every not-emulated entry a reason', () => {
    for (const entry of NOT_EMULATED) expect(entry.reason.length, entry.type).toBeGreaterThan(20);
  });

  it('fails once, listing every unsupported type and where it is used, before creating anything', async () => {
    const created: string[] = [];
    const providers = {
      'Test::Thing': {
        create: (id: string) => {
          created.push(id);
          return { physicalId: id };
        },
      },
    };
    const failure = deployInline(
      {
        Resources: {
          First: { Type: 'Test::Thing' },
          Q: { Type: 'AWS::Pipes::Pipe' },
          Sms: { Type: 'AWS::SNS::Subscription', Properties: { Protocol: 'sms' } },
          Q2: { Type: 'AWS::Pipes::Pipe' },
        },
      },
      { providers },
    );
    await expect(failure).rejects.toBeInstanceOf(UnsupportedResourceTypesError);
    await expect(failure).rejects.toThrow(
      /cannot emulate 2 resource type\(s\):\n {2}AWS::Pipes::Pipe {2}\(test-stack\/Q, test-stack\/Q2\)\n {2}AWS::SNS::Subscription {2}\(test-stack\/Sms\)/,
    );
    expect(created).toEqual([]);
  });

  it('wraps a provider failure with the stack, resource and type', async () => {
    const providers = {
      'Test::Thing': {
        create: () => {
          throw new Error('port in use');
        },
      },
    };
    const failure = deployInline({ Resources: { Broken: { Type: 'Test::Thing' } } }, { providers });
    await expect(failure).rejects.toBeInstanceOf(ProvisioningError);
    await expect(failure).rejects.toThrow(
      'stack test-stack: creating Broken (Test::Thing) failed: port in use',
    );
  });
});

describe('exports and imports', () => {
  it('imports the exports of stacks deployed before', async () => {
    const exports = new ExportRegistry();
    await deployInline(
      {
        Resources: { Table: { Type: 'Test::Thing' } },
        Outputs: {
          TableName: { Value: { Ref: 'Table' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-table' } } },
        },
      },
      { exports, stack: { stackName: 'data' } },
    );
    const api = await deployInline(
      {
        Resources: {
          Fn: { Type: 'Test::Thing', Properties: { Table: { 'Fn::ImportValue': 'data-table' } } },
        },
      },
      { exports, stack: { stackName: 'api' } },
    );
    expect(api.resources.get('Fn')?.properties).toEqual({ Table: 'Table-id' });
    expect(exports.get('data-table')?.stackName).toBe('data');
  });

  it('names the missing export and the importing stack', async () => {
    const failure = deployInline(
      {
        Resources: {
          Fn: { Type: 'Test::Thing', Properties: { Table: { 'Fn::ImportValue': 'nobody-table' } } },
        },
      },
      { stack: { stackName: 'api' } },
    );
    await expect(failure).rejects.toBeInstanceOf(MissingExportError);
    await expect(failure).rejects.toThrow(
      'stack api imports "nobody-table" at Resources.Fn.Properties.Table.Fn::ImportValue, but no deployed stack exports it',
    );
  });

  it('refuses two stacks exporting the same name', async () => {
    const exports = new ExportRegistry();
    const template = { Outputs: { Out: { Value: 'x', Export: { Name: 'shared' } } } };
    await deployInline(template, { exports, stack: { stackName: 'one' } });
    await expect(deployInline(template, { exports, stack: { stackName: 'two' } })).rejects.toThrow(
      'stack two exports "shared", which stack one already exports',
    );
  });
});

describe('deployAssembly', () => {
  it('carries CDK cross-region references from the writer stack to the reader stack through SSM', async () => {
    const name = '/cdk/exports/edge/apiEndpoint';
    const api = stackOf(
      {
        Resources: {
          Api: {
            Type: 'Test::Thing',
            Properties: { Endpoint: 'https://abc.execute-api.eu-west-1.amazonaws.com' },
          },
          Writer: {
            Type: 'Custom::CrossRegionExportWriter',
            Properties: {
              WriterProps: {
                region: 'us-east-1',
                exports: { [name]: { 'Fn::GetAtt': ['Api', 'Endpoint'] } },
              },
            },
          },
        },
      },
      { artifactId: 'Api', stackName: 'api' },
    );
    const edge = stackOf(
      {
        Resources: {
          Reader: {
            Type: 'Custom::CrossRegionExportReader',
            Properties: {
              ReaderProps: {
                region: 'us-east-1',
                prefix: 'edge',
                imports: { [name]: `{{resolve:ssm:${name}}}` },
              },
            },
          },
          Cdn: {
            Type: 'Test::Thing',
            Properties: {
              Origin: { 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': ['Reader', name] }] }] },
            },
          },
        },
      },
      { artifactId: 'Edge', stackName: 'edge', region: 'us-east-1', dependsOn: ['Api'] },
    );
    const { stacks, parameterStore } = await deployAssembly(
      { directory: '.', stacks: [api, edge], assets: new AssetIndex() },
      { providers: thingProviders },
    );
    expect(parameterStore.get('us-east-1', name)).toBe('https://abc.execute-api.eu-west-1.amazonaws.com');
    expect(stacks[1]?.resources.get('Cdn')?.properties).toEqual({
      Origin: 'abc.execute-api.eu-west-1.amazonaws.com',
    });
  });

  it('fails with a dynamic reference to an SSM parameter that does not exist', async () => {
    const stack = stackOf({
      Resources: { A: { Type: 'Test::Thing', Properties: { V: 'x{{resolve:ssm:/missing}}' } } },
    });
    const failure = deployAssembly(
      { directory: '.', stacks: [stack], assets: new AssetIndex() },
      { providers: thingProviders },
    );
    await expect(failure).rejects.toThrow(
      'Resources.A.Properties.V: {{resolve:ssm:/missing}} names an SSM parameter that does not exist in eu-west-1',
    );
  });
});
