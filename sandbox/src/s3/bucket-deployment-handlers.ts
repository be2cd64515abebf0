import { TemplateError } from '../template/errors.ts';
import type { StackArtifact } from '../template/index.ts';
import type { ProviderRegistry, ResourceProvider } from '../template/resource-provider.ts';

/** The bucket-notifications handler is recorded the same way by `bucket-notification-handlers.ts`. */
const NATIVE_CUSTOM_RESOURCES = new Set(['Custom::CDKBucketDeployment']);

/**
 * The resources of CDK's `BucketDeployment` handler (a Python function and its AWS CLI layer), by
 * `<stack name>/<logical id>`: found as the `ServiceToken` target of each
 * `Custom::CDKBucketDeployment` and the layers that function lists. The sandbox performs the
 * deployment natively (`deployBucketContents`), so these are recorded, never run.
 */
export function bucketDeploymentHandlers(stacks: readonly StackArtifact[]): Set<string> {
  const handled = new Set<string>();
  for (const stack of stacks) {
    const resources = stack.template.Resources ?? {};
    for (const resource of Object.values(resources)) {
      if (!NATIVE_CUSTOM_RESOURCES.has(resource.Type)) continue;
      const token = (resource.Properties as Record<string, unknown> | undefined)?.ServiceToken;
      const target = (token as { 'Fn::GetAtt'?: unknown[] } | undefined)?.['Fn::GetAtt']?.[0];
      if (typeof target !== 'string') continue;
      handled.add(`${stack.stackName}/${target}`);
    }
    // Each BucketDeployment declares an AWS CLI layer, only the first of which the shared handler
    // lists: a layer no other function uses has no local meaning either.
    const used = new Set<string>();
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (resource.Type !== 'AWS::Lambda::Function' || handled.has(`${stack.stackName}/${logicalId}`))
        continue;
      const layers = (resource.Properties as Record<string, unknown> | undefined)?.Layers;
      for (const layer of Array.isArray(layers) ? layers : []) {
        const ref = (layer as { Ref?: unknown }).Ref;
        if (typeof ref === 'string') used.add(ref);
      }
    }
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (resource.Type === 'AWS::Lambda::LayerVersion' && !used.has(logicalId) && handled.size > 0) {
        handled.add(`${stack.stackName}/${logicalId}`);
      }
    }
  }
  return handled;
}

/**
 * `providers` with the BucketDeployment handler's function and layer recorded instead of created
 * (a Python function the Lambda runner could not run, and that nothing invokes locally). Other
 * functions go to the given `AWS::Lambda::Function` provider; other layers to a given
 * `AWS::Lambda::LayerVersion` provider, else they stop the deployment with a clear error.
 */
export function withNativeBucketDeployments(
  providers: ProviderRegistry,
  handlers: ReadonlySet<string>,
): ProviderRegistry {
  const functions = providers['AWS::Lambda::Function'];
  const layers = providers['AWS::Lambda::LayerVersion'];
  const recorded =
    (base: ResourceProvider | undefined, kind: 'function' | 'layer'): ResourceProvider['create'] =>
    (logicalId, properties, context) => {
      const { stackName, region, accountId } = context.stack;
      if (handlers.has(`${stackName}/${logicalId}`)) {
        const arn = `arn:aws:lambda:${region}:${accountId}:${kind === 'layer' ? 'layer' : 'function'}:${stackName}-${logicalId}`;
        return kind === 'layer'
          ? { physicalId: `${arn}:1`, attributes: { LayerVersionArn: `${arn}:1` } }
          : { physicalId: `${stackName}-${logicalId}`, attributes: { Arn: arn } };
      }
      if (!base) {
        throw new TemplateError(
          `${stackName}/${logicalId}: Lambda layers are not emulated (only the BucketDeployment handler's, which is not run)`,
        );
      }
      return base.create(logicalId, properties, context);
    };
  return {
    ...providers,
    'AWS::Lambda::Function': { create: recorded(functions, 'function') },
    'AWS::Lambda::LayerVersion': { create: recorded(layers, 'layer') },
  };
}
