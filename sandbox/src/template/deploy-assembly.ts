import type { CloudAssembly } from './assembly-reader.ts';
import { cdkCrossRegionExportProviders } from './cdk-cross-region-exports.ts';
import { type DeployedStack, type DeployStackOptions, deployStack } from './deploy-stack.ts';
import { ExportRegistry } from './export-registry.ts';
import { InMemoryParameterStore, type ParameterStore } from './parameter-store.ts';
import type { ParameterInputs } from './parameter-values.ts';
import type { ProviderRegistry } from './resource-provider.ts';
import { assertSupported, planStack } from './stack-plan.ts';

export interface DeployAssemblyOptions {
  /** Providers by resource type; they win over the engine's built-in ones (CDK cross-region exports). */
  readonly providers: ProviderRegistry;
  /** SSM parameters (dynamic references, cross-region exports); in memory by default. */
  readonly parameterStore?: ParameterStore;
  /** Parameter and SSM values per stack name. */
  readonly inputs?: Readonly<Record<string, ParameterInputs>>;
  readonly onResource?: DeployStackOptions['onResource'];
}

export interface DeployedAssembly {
  readonly stacks: readonly DeployedStack[];
  readonly exports: ExportRegistry;
  readonly parameterStore: ParameterStore;
}

/**
 * Deploys every stack of an assembly in dependency order. All stacks are planned first, so a
 * broken reference or an unsupported resource type anywhere stops the deployment before
 * anything is created, with one error listing every unsupported type.
 *
 * @example
 * ```ts
 * const assembly = readCloudAssembly('cdk.out', { stage: 'local' });
 * const { stacks } = await deployAssembly(assembly, { providers });
 * ```
 */
export async function deployAssembly(
  assembly: CloudAssembly,
  options: DeployAssemblyOptions,
): Promise<DeployedAssembly> {
  const parameterStore = options.parameterStore ?? new InMemoryParameterStore();
  const providers = { ...cdkCrossRegionExportProviders(parameterStore), ...options.providers };
  const plans = assembly.stacks.map((stack) =>
    planStack(stack, providers, options.inputs?.[stack.stackName]),
  );
  assertSupported(plans);
  const exports = new ExportRegistry();
  const stacks: DeployedStack[] = [];
  for (const plan of plans) {
    stacks.push(
      await deployStack(plan, {
        providers,
        exports,
        assets: assembly.assets,
        parameterStore,
        ...(options.onResource ? { onResource: options.onResource } : {}),
      }),
    );
  }
  return { stacks, exports, parameterStore };
}
