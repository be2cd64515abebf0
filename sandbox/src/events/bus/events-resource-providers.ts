import { generatedPhysicalName, type ProviderRegistry } from '../../template/index.ts';
import type { EventBusEmulator } from './event-bus-emulator.ts';

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
        const rule = bus.createRule(properties, generatedPhysicalName(logicalId, context, 64));
        const physicalId = rule.busName === 'default' ? rule.name : `${rule.busName}|${rule.name}`;
        return { physicalId, attributes: { Arn: rule.arn } };
      },
    },
    'AWS::Events::Archive': {
      create(logicalId, properties, context) {
        const archive = bus.createArchive(properties, generatedPhysicalName(logicalId, context, 48));
        return { physicalId: archive.name, attributes: { Arn: archive.arn } };
      },
    },
  };
}
