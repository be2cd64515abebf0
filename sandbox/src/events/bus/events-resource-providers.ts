import { createHash } from 'node:crypto';
import type { ProviderRegistry } from '../../template/index.ts';
import type { EventBusEmulator } from './event-bus-emulator.ts';

/**
 * The name CloudFormation gives a resource without one: stack, logical id and a stable suffix,
 * cut to the type's limit.
 */
function generatedName(stackName: string, logicalId: string, maxLength: number): string {
  const suffix = createHash('sha256')
    .update(`${stackName}/${logicalId}`)
    .digest('hex')
    .slice(0, 12)
    .toUpperCase();
  return `${`${stackName}-${logicalId}`.slice(0, maxLength - suffix.length - 1)}-${suffix}`;
}

/**
 * Template-engine providers for `AWS::Events::EventBus`, `AWS::Events::Rule` and
 * `AWS::Events::Archive`, answering `Ref` and `Fn::GetAtt` as CloudFormation does (a rule on a
 * custom bus has the physical id `bus|rule`).
 */
export function eventsResourceProviders(bus: EventBusEmulator): ProviderRegistry {
  return {
    'AWS::Events::EventBus': {
      create(_logicalId, properties) {
        const created = bus.createEventBus(properties);
        return { physicalId: created.name, attributes: { Arn: created.arn, Name: created.name } };
      },
    },
    'AWS::Events::Rule': {
      create(logicalId, properties, context) {
        const rule = bus.createRule(properties, generatedName(context.stack.stackName, logicalId, 64));
        const physicalId = rule.busName === 'default' ? rule.name : `${rule.busName}|${rule.name}`;
        return { physicalId, attributes: { Arn: rule.arn } };
      },
    },
    'AWS::Events::Archive': {
      create(logicalId, properties, context) {
        const archive = bus.createArchive(properties, generatedName(context.stack.stackName, logicalId, 48));
        return { physicalId: archive.name, attributes: { Arn: archive.arn } };
      },
    },
  };
}
