import { AssetIndex } from './asset-index.ts';
import { resolveDynamicReferences } from './dynamic-references.ts';
import { IntrinsicError, MissingExportError, ProvisioningError, TemplateError } from './errors.ts';
import type { ExportRegistry } from './export-registry.ts';
import { IntrinsicResolver, type ResolutionScope } from './intrinsic-resolver.ts';
import { InMemoryParameterStore, type ParameterStore } from './parameter-store.ts';
import { NO_VALUE, stackIdOf } from './pseudo-parameters.ts';
import type { ProviderRegistry, ProvisionContext, ProvisionedResource } from './resource-provider.ts';
import type { StackPlan } from './stack-plan.ts';
import { assertSupported } from './stack-plan.ts';
import { isObject } from './template-types.ts';

/** One resource after deployment. */
export interface DeployedResource {
  readonly logicalId: string;
  readonly type: string;
  /** `created` by a provider, `not-emulated` (a stand-in), or `skipped` (its condition is false). */
  readonly status: 'created' | 'not-emulated' | 'skipped';
  readonly physicalId?: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The resolved properties the provider (or stand-in) received. */
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface DeployedStack {
  readonly stackName: string;
  readonly stackId: string;
  readonly accountId: string;
  readonly region: string;
  /** In creation order. */
  readonly resources: ReadonlyMap<string, DeployedResource>;
  /** Resolved `Outputs` (those whose condition holds). */
  readonly outputs: Readonly<Record<string, unknown>>;
}

export interface DeployStackOptions {
  readonly providers: ProviderRegistry;
  /** Exports of the stacks deployed before; this stack's exports are added to it. */
  readonly exports: ExportRegistry;
  readonly assets?: AssetIndex;
  /** SSM parameters for `{{resolve:ssm:...}}` dynamic references; shared by the stacks of an assembly. */
  readonly parameterStore?: ParameterStore;
  /** Called after each resource is created, stood in for, or skipped. */
  readonly onResource?: (resource: DeployedResource, stackName: string) => void;
}

/**
 * Deploys a planned stack: walks its resources in dependency order, resolves each one's
 * `Properties` with everything created so far, asks the type's provider to create it (or
 * makes the not-emulated stand-in), then resolves `Outputs` and registers their exports.
 *
 * @example
 * ```ts
 * const plan = planStack(stack, providers);
 * const deployed = await deployStack(plan, { providers, exports: new ExportRegistry(), assets });
 * deployed.outputs.ApiUrl; // 'http://127.0.0.1:4566/...'
 * ```
 */
export async function deployStack(plan: StackPlan, options: DeployStackOptions): Promise<DeployedStack> {
  assertSupported([plan]);
  const { stack } = plan;
  const { stackName } = stack;
  const environment = { stackName, accountId: stack.accountId, region: stack.region };
  const stackId = stackIdOf(environment);
  const deployed = new Map<string, DeployedResource>();

  const deployedResource = (logicalId: string, location: string, what: string): DeployedResource => {
    const resource = deployed.get(logicalId);
    if (resource?.status === 'skipped') {
      const condition = stack.template.Resources[logicalId]?.Condition;
      throw new IntrinsicError(
        what,
        location,
        `${what} of ${logicalId}, which is not created because its condition ${condition} is false`,
      );
    }
    if (!resource?.physicalId)
      throw new IntrinsicError(
        what,
        location,
        `${what} of ${logicalId} before it is created (a missing dependency)`,
      );
    return resource;
  };
  const scope: ResolutionScope = {
    environment,
    template: stack.template,
    parameters: plan.parameters,
    resourceRef: (logicalId, location) => deployedResource(logicalId, location, 'Ref').physicalId as string,
    resourceAttribute: (logicalId, attribute, location) => {
      const resource = deployedResource(logicalId, location, 'Fn::GetAtt');
      if (Object.hasOwn(resource.attributes, attribute)) return resource.attributes[attribute];
      const known = Object.keys(resource.attributes).join(', ') || 'none';
      throw new IntrinsicError(
        'Fn::GetAtt',
        location,
        `${logicalId} (${resource.type}) has no attribute "${attribute}" (it has: ${known})`,
      );
    },
    importValue: (name, location) => {
      const found = options.exports.get(name);
      if (!found) throw new MissingExportError(name, stackName, location);
      return found.value;
    },
  };
  const resolver = new IntrinsicResolver(scope);
  const parameterStore = options.parameterStore ?? new InMemoryParameterStore();
  const context = (type: string, logicalId: string): ProvisionContext => ({
    type,
    stack: { ...environment, stackId },
    definition: stack.template.Resources[logicalId] ?? { Type: type },
    assets: options.assets ?? new AssetIndex(),
  });

  for (const planned of plan.resources) {
    const { logicalId, type } = planned;
    if (planned.action === 'skip' || planned.action === 'unsupported') {
      record({ logicalId, type, status: 'skipped', attributes: {}, properties: {} });
      continue;
    }
    const path = ['Resources', logicalId, 'Properties'];
    const resolved = resolveDynamicReferences(
      resolver.resolve(stack.template.Resources[logicalId]?.Properties ?? {}, path),
      stack.region,
      parameterStore,
      path,
    );
    const properties = isObject(resolved) ? resolved : {};
    let created: ProvisionedResource;
    try {
      created =
        planned.action === 'create'
          ? await (options.providers[type] as NonNullable<ProviderRegistry[string]>).create(
              logicalId,
              properties,
              context(type, logicalId),
            )
          : planned.entry.standIn(logicalId, properties, context(type, logicalId));
    } catch (error) {
      throw new ProvisioningError(stackName, logicalId, type, { cause: error });
    }
    if (typeof created?.physicalId !== 'string' || created.physicalId === '') {
      throw new ProvisioningError(stackName, logicalId, type, {
        cause: new TemplateError('the provider returned no physicalId'),
      });
    }
    const status = planned.action === 'create' ? 'created' : 'not-emulated';
    record({
      logicalId,
      type,
      status,
      physicalId: created.physicalId,
      attributes: created.attributes ?? {},
      properties,
    });
  }

  const outputs: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(stack.template.Outputs ?? {})) {
    const path = ['Outputs', name];
    if (output.Condition !== undefined && !resolver.condition(output.Condition, [...path, 'Condition']))
      continue;
    const value = resolver.resolve(output.Value, [...path, 'Value']);
    if (value === NO_VALUE) continue;
    outputs[name] = value;
    if (output.Export !== undefined) {
      const exportName = resolver.resolve(output.Export.Name, [...path, 'Export', 'Name']);
      if (typeof exportName !== 'string')
        throw new TemplateError(`stack ${stackName}: Outputs.${name}.Export.Name is not a string`);
      options.exports.register(exportName, value, stackName);
    }
  }
  return {
    stackName,
    stackId,
    accountId: stack.accountId,
    region: stack.region,
    resources: deployed,
    outputs,
  };

  function record(resource: DeployedResource): void {
    deployed.set(resource.logicalId, resource);
    options.onResource?.(resource, stackName);
  }
}
