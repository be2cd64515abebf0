import type { StackArtifact } from '../template/index.ts';
import type { ProviderRegistry } from '../template/resource-provider.ts';

/**
 * CDK's `BucketNotificationsHandler` functions, by `<stack name>/<logical id>`: the `ServiceToken`
 * target of each `Custom::S3BucketNotifications`. The sandbox applies bucket notification
 * configurations natively (`s3-resource-providers.ts`), so these Python functions, which run only
 * while CloudFormation deploys, are recorded and never run.
 */
export function bucketNotificationHandlers(stacks: readonly StackArtifact[]): Set<string> {
  const handled = new Set<string>();
  for (const stack of stacks) {
    for (const resource of Object.values(stack.template.Resources ?? {})) {
      if (resource.Type !== 'Custom::S3BucketNotifications') continue;
      const token = (resource.Properties as Record<string, unknown> | undefined)?.ServiceToken;
      const target = (token as { 'Fn::GetAtt'?: unknown[] } | undefined)?.['Fn::GetAtt']?.[0];
      if (typeof target === 'string') handled.add(`${stack.stackName}/${target}`);
    }
  }
  return handled;
}

/**
 * `providers` with the bucket-notifications handlers recorded (a stand-in name and ARN) instead of
 * deployed to the Lambda runner; every other function goes to the given provider.
 */
export function withNativeBucketNotifications(
  providers: ProviderRegistry,
  handlers: ReadonlySet<string>,
): ProviderRegistry {
  const functions = providers['AWS::Lambda::Function'];
  if (!functions || handlers.size === 0) return providers;
  return {
    ...providers,
    'AWS::Lambda::Function': {
      create(logicalId, properties, context) {
        const { stackName, region, accountId } = context.stack;
        if (!handlers.has(`${stackName}/${logicalId}`))
          return functions.create(logicalId, properties, context);
        const name = `${stackName}-${logicalId}`.slice(0, 64);
        return {
          physicalId: name,
          attributes: { Arn: `arn:aws:lambda:${region}:${accountId}:function:${name}` },
        };
      },
    },
  };
}
