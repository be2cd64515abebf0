/**
 * The sandbox's template engine: reads the cloud assembly and deploys its templates into
 * local engines through resource providers. See sandbox/README.md.
 */

export {
  type CloudAssembly,
  type ReadAssemblyOptions,
  readCloudAssembly,
  type StackArtifact,
} from './assembly-reader.ts';
export { AssetIndex, type LocalAsset } from './asset-index.ts';
export { cdkCrossRegionExportProviders } from './cdk-cross-region-exports.ts';
export { type DeployAssemblyOptions, type DeployedAssembly, deployAssembly } from './deploy-assembly.ts';
export {
  type DeployedResource,
  type DeployedStack,
  type DeployStackOptions,
  deployStack,
} from './deploy-stack.ts';
export * from './errors.ts';
export { ExportRegistry, type StackExport } from './export-registry.ts';
export { IntrinsicResolver, type ResolutionScope } from './intrinsic-resolver.ts';
export { NOT_EMULATED, type NotEmulatedType, notEmulatedEntryFor } from './not-emulated.ts';
export { InMemoryParameterStore, type ParameterStore } from './parameter-store.ts';
export { LOCAL_BOOTSTRAP_VERSION, type ParameterInputs, resolveParameterValues } from './parameter-values.ts';
export { generatedPhysicalName, physicalNameOf } from './physical-names.ts';
export { NO_VALUE, type StackEnvironment, stackIdOf } from './pseudo-parameters.ts';
export { buildResourceGraph, type ResourceGraph } from './resource-graph.ts';
export type {
  ProviderRegistry,
  ProvisionContext,
  ProvisionedResource,
  ResourceProvider,
} from './resource-provider.ts';
export { assertSupported, type PlannedResource, planStack, type StackPlan } from './stack-plan.ts';
export type { CfnTemplate } from './template-types.ts';
