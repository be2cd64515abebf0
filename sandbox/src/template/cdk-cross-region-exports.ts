import { TemplateError } from './errors.ts';
import type { ParameterStore } from './parameter-store.ts';
import type { ProviderRegistry } from './resource-provider.ts';
import { isObject } from './template-types.ts';

/**
 * Providers for the two custom resources CDK emits for `crossRegionReferences` (e.g. the API in
 * the home region consumed by the CloudFront stack in us-east-1). They do what CDK's handlers
 * do: the writer stores each exported value as an SSM parameter in the consuming region; the
 * reader's `imports` arrive already resolved from `{{resolve:ssm:...}}` and become its
 * attributes, which the consuming stack reads with `Fn::GetAtt`.
 */
export function cdkCrossRegionExportProviders(store: ParameterStore): ProviderRegistry {
  return {
    'Custom::CrossRegionExportWriter': {
      create(logicalId, properties, context) {
        const { region, exports } = writerProps(properties.WriterProps, logicalId);
        for (const [name, value] of Object.entries(exports)) {
          const existing = store.get(region, name);
          if (existing !== undefined && existing !== value) {
            throw new TemplateError(
              `SSM parameter ${name} in ${region} already holds another stack's export`,
            );
          }
          store.put(region, name, String(value));
        }
        return { physicalId: `${context.stack.stackName}-${logicalId}` };
      },
    },
    'Custom::CrossRegionExportReader': {
      create(logicalId, properties, context) {
        const props = properties.ReaderProps;
        if (!isObject(props) || !isObject(props.imports)) {
          throw new TemplateError(`${logicalId} has no ReaderProps.imports`);
        }
        return { physicalId: `${context.stack.stackName}-${logicalId}`, attributes: { ...props.imports } };
      },
    },
  };
}

function writerProps(
  value: unknown,
  logicalId: string,
): { region: string; exports: Record<string, unknown> } {
  if (!isObject(value) || typeof value.region !== 'string' || !isObject(value.exports)) {
    throw new TemplateError(`${logicalId} has no WriterProps { region, exports }`);
  }
  return { region: value.region, exports: value.exports };
}
