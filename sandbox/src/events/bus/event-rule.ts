import { type CompiledPattern, compilePattern, EventPatternError } from '../pattern/index.ts';
import { EventsDefinitionError } from './errors.ts';
import { busNameOf, type EventsLocation, ruleArn } from './events-arn.ts';
import { type RuleTarget, readRuleTarget } from './rule-target.ts';

/** A rule as the bus routes with it: pattern compiled once, targets checked once. */
export interface EventRule {
  readonly name: string;
  readonly arn: string;
  readonly busName: string;
  readonly pattern: CompiledPattern;
  readonly enabled: boolean;
  readonly targets: readonly RuleTarget[];
}

const MAX_TARGETS = 5;
const RULE_NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
const STATES = new Set(['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS']);

function compileRulePattern(pattern: unknown, problems: string[]): CompiledPattern | undefined {
  try {
    return compilePattern(pattern);
  } catch (error) {
    if (!(error instanceof EventPatternError)) throw error;
    problems.push(`EventPattern is not valid at ${error.path}: ${error.reason}`);
    return undefined;
  }
}

/**
 * Reads the resolved properties of an `AWS::Events::Rule` as PutRule and PutTargets validate
 * them, and fails once with every problem. Scheduled rules are not emulated yet.
 *
 * @param defaultName the name CloudFormation would generate when `Name` is absent.
 */
export function readEventRule(
  properties: Readonly<Record<string, unknown>>,
  defaultName: string,
  location: EventsLocation,
): EventRule {
  const problems: string[] = [];
  const name = typeof properties.Name === 'string' ? properties.Name : defaultName;
  const where = `Rule ${name}`;
  if (!RULE_NAME.test(name)) problems.push(`Name "${name}" must be 1-64 of [.-_A-Za-z0-9]`);
  const busValue = properties.EventBusName ?? 'default';
  const busName = typeof busValue === 'string' ? busNameOf(busValue) : undefined;
  if (busName === undefined)
    problems.push(`EventBusName ${JSON.stringify(busValue)} is not a bus name or ARN`);
  if (properties.ScheduleExpression !== undefined) {
    problems.push('ScheduleExpression (scheduled rules) is not emulated by the sandbox');
  }
  if (properties.EventPattern === undefined) problems.push('EventPattern is required');
  const pattern =
    properties.EventPattern === undefined ? undefined : compileRulePattern(properties.EventPattern, problems);
  const state = properties.State ?? 'ENABLED';
  if (typeof state !== 'string' || !STATES.has(state)) {
    problems.push(`State must be one of ${[...STATES].join(', ')}`);
  }
  const targetValues = properties.Targets ?? [];
  const targets: RuleTarget[] = [];
  if (!Array.isArray(targetValues)) problems.push('Targets must be a list');
  else {
    if (targetValues.length > MAX_TARGETS)
      problems.push(`a rule has at most ${MAX_TARGETS} targets (got ${targetValues.length})`);
    targetValues.forEach((value, index) => {
      const target = readRuleTarget(value, index, where, problems);
      if (target !== undefined) targets.push(target);
    });
    const ids = targets.map((target) => target.id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (duplicates.length > 0)
      problems.push(`target ids must be unique (repeated: ${[...new Set(duplicates)].join(', ')})`);
  }
  if (problems.length > 0 || pattern === undefined || busName === undefined) {
    throw new EventsDefinitionError(where, problems);
  }
  return {
    name,
    arn: ruleArn(location, busName, name),
    busName,
    pattern,
    enabled: state !== 'DISABLED',
    targets,
  };
}
