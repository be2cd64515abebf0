/**
 * The parts of a CloudFormation template the engine reads. Values stay `unknown`: they are
 * literals or intrinsic functions, checked where they are resolved.
 */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: string | readonly string[];
  readonly Condition?: string;
  readonly Metadata?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export interface CfnParameter {
  readonly Type: string;
  readonly Default?: unknown;
  readonly Description?: string;
  readonly AllowedValues?: readonly unknown[];
}

export interface CfnOutput {
  readonly Value: unknown;
  readonly Description?: string;
  readonly Condition?: string;
  readonly Export?: { readonly Name: unknown };
}

export interface CfnRule {
  readonly RuleCondition?: unknown;
  readonly Assertions?: readonly { readonly Assert: unknown; readonly AssertDescription?: string }[];
}

export interface CfnTemplate {
  readonly AWSTemplateFormatVersion?: string;
  readonly Description?: string;
  readonly Transform?: string | readonly string[];
  readonly Parameters?: Record<string, CfnParameter>;
  readonly Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  readonly Conditions?: Record<string, unknown>;
  readonly Rules?: Record<string, CfnRule>;
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, CfnOutput>;
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The intrinsic function a value calls, if it is one: an object with exactly one key that is
 * `Ref` or starts with `Fn::`. (`{ "Condition": name }` is one only inside condition functions,
 * where its callers look for it: elsewhere it is an ordinary key, e.g. of a policy statement.)
 */
export function intrinsicOf(value: unknown): { fn: string; arg: unknown } | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const fn = keys[0] as string;
  if (fn === 'Ref' || fn.startsWith('Fn::')) return { fn, arg: value[fn] };
  return undefined;
}
