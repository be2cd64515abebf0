import { physicalNameOf } from '../template/physical-names.ts';
import type {
  ProviderRegistry,
  ProvisionContext,
  ProvisionedResource,
} from '../template/resource-provider.ts';
import type { JobTemplateRegistry } from './job-template-registry.ts';
import { jobTemplateArn } from './mediaconvert-arns.ts';

type Properties = Readonly<Record<string, unknown>>;

/** MediaConvert's limit on a job template's name. */
const MAX_NAME_LENGTH = 80;

/**
 * `AWS::MediaConvert::JobTemplate`: records the template's settings for `CreateJob`. As in
 * CloudFormation, `Ref` is the template's name and `Fn::GetAtt` gives `Arn` and `Name`.
 */
export function mediaConvertResourceProviders(registry: JobTemplateRegistry): ProviderRegistry {
  return {
    'AWS::MediaConvert::JobTemplate': {
      create(logicalId: string, properties: Properties, context: ProvisionContext): ProvisionedResource {
        const name = physicalNameOf(properties, 'Name', logicalId, context, MAX_NAME_LENGTH);
        const settings = settingsOf(properties.SettingsJson, logicalId);
        const arn = jobTemplateArn({ account: context.stack.accountId, region: context.stack.region }, name);
        registry.put({
          name,
          arn,
          settings,
          createdAt: new Date(),
          ...(typeof properties.Description === 'string' && { description: properties.Description }),
          ...(typeof properties.Category === 'string' && { category: properties.Category }),
          ...(typeof properties.Queue === 'string' && { queue: properties.Queue }),
          ...(properties.Priority !== undefined && { priority: Number(properties.Priority) }),
        });
        return { physicalId: name, attributes: { Arn: arn, Name: name } };
      },
    },
  };
}

/** `SettingsJson` is JSON in the schema: an object in CDK's output, a string when written by hand. */
function settingsOf(value: unknown, logicalId: string): Record<string, unknown> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${logicalId}: SettingsJson must be an object with OutputGroups`);
  }
  const settings = parsed as Record<string, unknown>;
  if (!Array.isArray(settings.OutputGroups)) {
    throw new Error(`${logicalId}: SettingsJson.OutputGroups must be a list of output groups`);
  }
  return settings;
}
