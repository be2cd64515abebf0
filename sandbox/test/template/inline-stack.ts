import {
  type CfnTemplate,
  type DeployedStack,
  deployStack,
  ExportRegistry,
  type ProviderRegistry,
  planStack,
  type StackArtifact,
} from '../../src/template/index.ts';

/** A stack artifact around an inline template, as the assembly reader would return it. */
export function stackOf(
  template: Partial<CfnTemplate>,
  overrides: Partial<Omit<StackArtifact, 'template'>> = {},
): StackArtifact {
  return {
    artifactId: overrides.stackName ?? 'TestStack',
    stackName: 'test-stack',
    displayName: 'test/Stack',
    accountId: '123456789012',
    region: 'eu-west-1',
    templateFile: 'inline.template.json',
    dependsOn: [],
    ...overrides,
    template: { Resources: {}, ...template },
  };
}

/** A provider for `Test::Thing`: physical id `<logicalId>-id`, attributes echo its properties. */
export const thingProviders: ProviderRegistry = {
  'Test::Thing': {
    create: (logicalId, properties) => ({
      physicalId: `${logicalId}-id`,
      attributes: {
        Arn: `arn:aws:test:::${logicalId}`,
        'Endpoint.Address': `${logicalId}.local`,
        ...properties,
      },
    }),
  },
};

/** Deploys an inline template with {@link thingProviders}. */
export async function deployInline(
  template: Partial<CfnTemplate>,
  options: {
    exports?: ExportRegistry;
    stack?: Partial<Omit<StackArtifact, 'template'>>;
    providers?: ProviderRegistry;
  } = {},
): Promise<DeployedStack> {
  const providers = options.providers ?? thingProviders;
  return deployStack(planStack(stackOf(template, options.stack), providers), {
    providers,
    exports: options.exports ?? new ExportRegistry(),
  });
}

/** The resolved value of one expression, as the `Value` of an output. */
export async function resolveValue(value: unknown, template: Partial<CfnTemplate> = {}): Promise<unknown> {
  const deployed = await deployInline({
    ...template,
    Outputs: { ...template.Outputs, Result: { Value: value } },
  });
  return deployed.outputs.Result;
}

/** The resolved properties a `Test::Thing` named `Subject` received. */
export async function resolveProperties(
  properties: Record<string, unknown>,
  template: Partial<CfnTemplate> = {},
): Promise<Readonly<Record<string, unknown>>> {
  const deployed = await deployInline({
    ...template,
    Resources: { ...template.Resources, Subject: { Type: 'Test::Thing', Properties: properties } },
  });
  return deployed.resources.get('Subject')?.properties ?? {};
}
