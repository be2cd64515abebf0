import { RuleAssertionError } from './errors.ts';
import type { IntrinsicResolver } from './intrinsic-resolver.ts';
import type { CfnTemplate } from './template-types.ts';

/**
 * Evaluates the template's `Rules` as CloudFormation does before it creates anything: a rule
 * whose `RuleCondition` holds must have every `Assert` true. CDK emits one such rule, its
 * bootstrap version check.
 *
 * @throws RuleAssertionError with the rule's `AssertDescription`.
 */
export function checkTemplateRules(
  template: CfnTemplate,
  resolver: IntrinsicResolver,
  stackName: string,
): void {
  for (const [name, rule] of Object.entries(template.Rules ?? {})) {
    const path = ['Rules', name];
    if (
      rule.RuleCondition !== undefined &&
      !resolver.evaluateCondition(rule.RuleCondition, [...path, 'RuleCondition'], true)
    ) {
      continue;
    }
    (rule.Assertions ?? []).forEach((assertion, index) => {
      if (!resolver.evaluateCondition(assertion.Assert, [...path, 'Assertions', index, 'Assert'], true)) {
        const description = assertion.AssertDescription ?? 'an assertion is false';
        throw new RuleAssertionError(`stack ${stackName}: rule ${name} failed: ${description}`);
      }
    });
  }
}
