import type { ProviderRegistry, ProvisionedResource, ResourceProvider } from '../../src/template/index.ts';

/** One call a recording provider received. */
export interface RecordedCall {
  readonly type: string;
  /** The stack (CloudFormation name) the resource belongs to. */
  readonly stackName: string;
  readonly logicalId: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * Attribute values shaped like AWS's for the attributes whose shape templates parse (an API
 * endpoint is split on "/"); any other attribute gets `<logicalId>.<attribute>`.
 */
const REALISTIC_ATTRIBUTES: Readonly<Record<string, (logicalId: string) => string>> = {
  ApiEndpoint: (id) => `https://${id.toLowerCase()}.execute-api.eu-west-1.amazonaws.com`,
  Arn: (id) => `arn:aws:test:eu-west-1:000000000000:${id}`,
};

/**
 * An in-memory test double: creates nothing, records every call, and answers any attribute a
 * template asks for (real providers answer only their type's attributes).
 */
export function recordingProviders(types: Iterable<string>, calls: RecordedCall[] = []): ProviderRegistry {
  const providers: Record<string, ResourceProvider> = {};
  for (const type of types) {
    providers[type] = {
      create(logicalId, properties, context): ProvisionedResource {
        calls.push({ type, stackName: context.stack.stackName, logicalId, properties });
        const attributes = new Proxy({} as Record<string, unknown>, {
          get: (_target, name) =>
            typeof name === 'string'
              ? (REALISTIC_ATTRIBUTES[name]?.(logicalId) ?? `${logicalId}.${name}`)
              : undefined,
          getOwnPropertyDescriptor: (_target, name) => ({
            configurable: true,
            enumerable: true,
            value:
              typeof name === 'string'
                ? (REALISTIC_ATTRIBUTES[name]?.(logicalId) ?? `${logicalId}.${name}`)
                : undefined,
          }),
        });
        return { physicalId: `${logicalId}-physical`, attributes };
      },
    };
  }
  return providers;
}
