import { TemplateError } from './errors.ts';
import type { CfnTemplate } from './template-types.ts';

/**
 * The version of the CDK bootstrap stack the sandbox answers for CDK's `BootstrapVersion`
 * parameter (`/cdk-bootstrap/<qualifier>/version`). The sandbox needs no bootstrap stack; the
 * value only has to satisfy the template's `CheckBootstrapVersion` rule, which rejects 1–5.
 */
export const LOCAL_BOOTSTRAP_VERSION = '30';

const CDK_BOOTSTRAP_VERSION = /^\/cdk-bootstrap\/[^/]+\/version$/;

export interface ParameterInputs {
  /** Values for template parameters, by parameter name; override `Default`. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Values of SSM parameters, for parameters typed `AWS::SSM::Parameter::Value<...>`. */
  readonly ssmParameters?: Readonly<Record<string, string>>;
}

/**
 * The value of every parameter of a template: the given value, else `Default`; an
 * `AWS::SSM::Parameter::Value<...>` parameter is looked up in `ssmParameters` (CDK's bootstrap
 * version answers {@link LOCAL_BOOTSTRAP_VERSION}); list types become string lists.
 *
 * @throws TemplateError listing every parameter without a value or with a value it does not allow.
 */
export function resolveParameterValues(
  template: CfnTemplate,
  inputs: ParameterInputs,
  stackName: string,
): Map<string, string | string[]> {
  const result = new Map<string, string | string[]>();
  const problems: string[] = [];
  for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
    const given = inputs.parameters?.[name] ?? parameter.Default;
    if (given === undefined) {
      problems.push(`${name}: no value given and no Default`);
      continue;
    }
    let text = Array.isArray(given) ? given.join(',') : String(given);
    const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(parameter.Type);
    if (ssm) {
      const stored =
        inputs.ssmParameters?.[text] ??
        (CDK_BOOTSTRAP_VERSION.test(text) ? LOCAL_BOOTSTRAP_VERSION : undefined);
      if (stored === undefined) {
        problems.push(
          `${name}: reads SSM parameter "${text}", which the sandbox has no value for (pass it in ssmParameters)`,
        );
        continue;
      }
      text = stored;
    }
    const allowed = parameter.AllowedValues?.map(String);
    if (allowed && !allowed.includes(text)) {
      problems.push(`${name}: "${text}" is not one of its AllowedValues (${allowed.join(', ')})`);
      continue;
    }
    const valueType = ssm?.[1] ?? parameter.Type;
    const isList = valueType === 'CommaDelimitedList' || valueType.startsWith('List<');
    result.set(name, isList ? text.split(',').map((item) => item.trim()) : text);
  }
  if (problems.length > 0) {
    throw new TemplateError(
      `stack ${stackName}: parameters without a usable value:\n  ${problems.join('\n  ')}`,
    );
  }
  return result;
}
