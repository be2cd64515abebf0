import { describe, expect, it } from 'vitest';
import { JobTemplateRegistry } from '../../src/mediaconvert/job-template-registry.ts';
import { mediaConvertResourceProviders } from '../../src/mediaconvert/job-template-resource-provider.ts';
import { deployStack, ExportRegistry, planStack } from '../../src/template/index.ts';
import { stackOf } from '../template/inline-stack.ts';

const SETTINGS = {
  OutputGroups: [
    {
      Name: 'MP4',
      OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS', FileGroupSettings: { Destination: 's3://x/' } },
      Outputs: [{ ContainerSettings: { Container: 'MP4' } }],
    },
  ],
};

const deploy = (resources: Record<string, unknown>, outputs: Record<string, unknown>) => {
  const registry = new JobTemplateRegistry();
  const providers = mediaConvertResourceProviders(registry);
  const stack = stackOf({ Resources: resources as never, Outputs: outputs as never });
  return {
    registry,
    deployed: deployStack(planStack(stack, providers), { providers, exports: new ExportRegistry() }),
  };
};

describe('AWS::MediaConvert::JobTemplate', () => {
  it('records the template and answers Ref with the name, GetAtt with Arn and Name', async () => {
    const { registry, deployed } = deploy(
      {
        Template: {
          Type: 'AWS::MediaConvert::JobTemplate',
          Properties: { Name: 'stack-video', Description: 'videos', SettingsJson: SETTINGS },
        },
      },
      {
        Ref: { Value: { Ref: 'Template' } },
        Arn: { Value: { 'Fn::GetAtt': ['Template', 'Arn'] } },
        Name: { Value: { 'Fn::GetAtt': ['Template', 'Name'] } },
      },
    );
    const { outputs } = await deployed;
    expect(outputs).toEqual({
      Ref: 'stack-video',
      Arn: 'arn:aws:mediaconvert:eu-west-1:123456789012:jobTemplates/stack-video',
      Name: 'stack-video',
    });
    const template = registry.find('stack-video');
    expect(template?.settings).toEqual(SETTINGS);
    expect(template?.description).toBe('videos');
    expect(registry.find('arn:aws:mediaconvert:eu-west-1:123456789012:jobTemplates/stack-video')).toBe(
      template,
    );
    expect(registry.find('other')).toBeUndefined();
  });

  it('generates a stable name when the template gives none and accepts SettingsJson as a string', async () => {
    const { registry, deployed } = deploy(
      {
        Template: {
          Type: 'AWS::MediaConvert::JobTemplate',
          Properties: { SettingsJson: JSON.stringify(SETTINGS) },
        },
      },
      { Name: { Value: { Ref: 'Template' } } },
    );
    const name = String((await deployed).outputs.Name);
    expect(name).toMatch(/^test-stack-Template-[0-9A-F]{12}$/);
    expect(registry.find(name)?.settings).toEqual(SETTINGS);
  });

  it('refuses settings without output groups', async () => {
    const { deployed } = deploy(
      { Template: { Type: 'AWS::MediaConvert::JobTemplate', Properties: { SettingsJson: { Inputs: [] } } } },
      {},
    );
    await expect(deployed).rejects.toThrow(/OutputGroups/);
  });
});
