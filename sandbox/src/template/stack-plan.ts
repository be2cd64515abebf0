import type { StackArtifact } from './assembly-reader.ts';
import { TemplateError, UnsupportedResourceTypesError } from './errors.ts';
import { IntrinsicResolver, type ResolutionScope } from './intrinsic-resolver.ts';
import { type NotEmulatedType, notEmulatedEntryFor } from './not-emulated.ts';
import { type ParameterInputs, resolveParameterValues } from './parameter-values.ts';
import { buildResourceGraph, type ResourceGraph } from './resource-graph.ts';
import type { ProviderRegistry } from './resource-provider.ts';
import { checkTemplateRules } from './template-rules.ts';

/** What the deployment will do with one resource. */
export type PlannedResource = {
  readonly logicalId: string;
  readonly type: string;
} & (
  | { readonly action: 'create' }
  | { readonly action: 'not-emulated'; readonly entry: NotEmulatedType }
  | { readonly action: 'skip'; readonly condition: string }
  | { readonly action: 'unsupported' }
);

export interface StackPlan {
  readonly stack: StackArtifact;
  readonly graph: ResourceGraph;
  readonly parameters: ReadonlyMap<string, string | readonly string[]>;
  /** Every resource, in creation order. */
  readonly resources: readonly PlannedResource[];
}

/** Template transforms the engine can deploy as is (it implements the functions they add). */
const SUPPORTED_TRANSFORMS = new Set(['AWS::LanguageExtensions']);

/**
 * Plans a stack without creating anything: checks references, cycles, parameters, `Rules`
 * and transforms, evaluates `Conditions`, and decides per resource whether a provider creates
 * it, it is not emulated, or it is skipped.
 */
export function planStack(
  stack: StackArtifact,
  providers: ProviderRegistry,
  inputs: ParameterInputs = {},
): StackPlan {
  const { template, stackName } = stack;
  const transforms = template.Transform === undefined ? [] : [template.Transform].flat();
  const unknownTransforms = transforms.filter((transform) => !SUPPORTED_TRANSFORMS.has(transform));
  if (unknownTransforms.length > 0) {
    throw new TemplateError(
      `stack ${stackName} uses the transform(s) ${unknownTransforms.join(', ')}, which the sandbox does not expand`,
    );
  }
  const graph = buildResourceGraph(template, stackName);
  const parameters = resolveParameterValues(template, inputs, stackName);
  const resolver = new IntrinsicResolver(planningScope(stack, parameters));
  checkTemplateRules(template, resolver, stackName);

  const resources = graph.order.map((logicalId): PlannedResource => {
    const definition = template.Resources[logicalId];
    const type = definition?.Type ?? '';
    if (
      definition?.Condition !== undefined &&
      !resolver.condition(definition.Condition, ['Resources', logicalId, 'Condition'])
    ) {
      return { logicalId, type, action: 'skip', condition: definition.Condition };
    }
    if (Object.hasOwn(providers, type)) return { logicalId, type, action: 'create' };
    const entry = notEmulatedEntryFor(type, definition?.Properties ?? {});
    return entry
      ? { logicalId, type, action: 'not-emulated', entry }
      : { logicalId, type, action: 'unsupported' };
  });
  return { stack, graph, parameters, resources };
}

/**
 * @throws UnsupportedResourceTypesError listing, across all plans, every resource type that has
 * neither a provider nor a not-emulated entry, with the resources that use it.
 */
export function assertSupported(plans: readonly StackPlan[]): void {
  const unsupported = new Map<string, string[]>();
  for (const plan of plans) {
    for (const resource of plan.resources) {
      if (resource.action !== 'unsupported') continue;
      const where = unsupported.get(resource.type) ?? [];
      where.push(`${plan.stack.stackName}/${resource.logicalId}`);
      unsupported.set(resource.type, where);
    }
  }
  if (unsupported.size > 0) throw new UnsupportedResourceTypesError(unsupported);
}

/** Conditions and rules may read parameters and pseudo parameters only. */
function planningScope(
  stack: StackArtifact,
  parameters: ReadonlyMap<string, string | readonly string[]>,
): ResolutionScope {
  const refuse = (what: string, location: string): never => {
    throw new TemplateError(`${location}: ${what} cannot be used in a condition or rule`);
  };
  return {
    environment: stack,
    template: stack.template,
    parameters,
    resourceRef: (id, location) => refuse(`the resource ${id}`, location),
    resourceAttribute: (id, _attribute, location) => refuse(`the resource ${id}`, location),
    importValue: (name, location) => refuse(`Fn::ImportValue of ${name}`, location),
  };
}
