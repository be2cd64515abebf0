import { IntrinsicError } from './errors.ts';
import {
  availabilityZones,
  NO_VALUE,
  PSEUDO_PARAMETER_NAMES,
  pseudoParameterValue,
  type StackEnvironment,
} from './pseudo-parameters.ts';
import { parseSub, splitAttributeName } from './sub-syntax.ts';
import { formatPath, type TemplatePath } from './template-path.ts';
import { type CfnTemplate, intrinsicOf, isObject } from './template-types.ts';
import * as values from './value-functions.ts';

/** What the resolver asks of the deployment in progress. */
export interface ResolutionScope {
  readonly environment: StackEnvironment;
  readonly template: CfnTemplate;
  /** Parameter name → its value for this deployment (see `resolveParameterValues`). */
  readonly parameters: ReadonlyMap<string, string | readonly string[]>;
  /** `Ref` of a resource: its physical id. */
  resourceRef(logicalId: string, location: string): string;
  /** `Fn::GetAtt`: an attribute the resource's provider returned. */
  resourceAttribute(logicalId: string, attribute: string, location: string): unknown;
  /** `Fn::ImportValue`: an export of a stack deployed before. */
  importValue(exportName: string, location: string): unknown;
}

/** Functions allowed only where a condition is expected (Conditions, Fn::If, Rules). */
const CONDITION_ONLY = new Set([
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Fn::Contains',
  'Fn::EachMemberEquals',
  'Fn::EachMemberIn',
]);

/**
 * Resolves the intrinsic functions of one template against a {@link ResolutionScope}. Only the
 * taken branch of `Fn::If` is resolved; `Ref: AWS::NoValue` removes the key or list element.
 *
 * @example
 * ```ts
 * const resolver = new IntrinsicResolver(scope);
 * resolver.resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' }, ['Outputs', 'Arn']);
 * ```
 */
export class IntrinsicResolver {
  readonly #scope: ResolutionScope;
  readonly #conditions = new Map<string, boolean>();
  readonly #evaluating = new Set<string>();

  constructor(scope: ResolutionScope) {
    this.#scope = scope;
  }

  /** The value with every intrinsic function replaced; `NO_VALUE` if the whole value was removed. */
  resolve(value: unknown, path: TemplatePath): unknown {
    if (Array.isArray(value)) {
      return value
        .map((item, index) => this.resolve(item, [...path, index]))
        .filter((item) => item !== NO_VALUE);
    }
    if (!isObject(value)) return value;
    const call = intrinsicOf(value);
    if (call) return this.#call(call.fn, call.arg, [...path, call.fn]);
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const resolved = this.resolve(child, [...path, key]);
      if (resolved !== NO_VALUE) result[key] = resolved;
    }
    return result;
  }

  /** Whether the named condition of the template is true (evaluated once, then remembered). */
  condition(name: string, path: TemplatePath): boolean {
    const known = this.#conditions.get(name);
    if (known !== undefined) return known;
    const conditions = this.#scope.template.Conditions ?? {};
    if (!Object.hasOwn(conditions, name)) {
      throw new IntrinsicError(
        'Condition',
        formatPath(path),
        `condition "${name}" is not declared in Conditions`,
      );
    }
    if (this.#evaluating.has(name)) {
      throw new IntrinsicError('Condition', formatPath(path), `condition "${name}" depends on itself`);
    }
    this.#evaluating.add(name);
    const value = this.evaluateCondition(conditions[name], ['Conditions', name]);
    this.#evaluating.delete(name);
    this.#conditions.set(name, value);
    return value;
  }

  /** A condition expression: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `{ Condition }`, and with `rules` the rule functions. */
  evaluateCondition(expression: unknown, path: TemplatePath, rules = false): boolean {
    const location = formatPath(path);
    if (
      isObject(expression) &&
      Object.keys(expression).length === 1 &&
      typeof expression.Condition === 'string'
    ) {
      return this.condition(expression.Condition, [...path, 'Condition']);
    }
    const call = intrinsicOf(expression);
    if (!call)
      throw new IntrinsicError(
        'Condition',
        location,
        `expected a condition function, got ${values.describe(expression)}`,
      );
    const at = [...path, call.fn];
    const list = (min: number, max: number) => {
      const items = values.asList(call.arg, call.fn, formatPath(at));
      if (items.length < min || items.length > max) {
        throw new IntrinsicError(
          call.fn,
          formatPath(at),
          `${call.fn} takes ${min === max ? min : `${min} to ${max}`} arguments, got ${items.length}`,
        );
      }
      return items;
    };
    const resolved = (items: unknown[]) => items.map((item, index) => this.resolve(item, [...at, index]));
    switch (call.fn) {
      case 'Fn::Equals': {
        const [left, right] = resolved(list(2, 2));
        return values.comparable(left) === values.comparable(right);
      }
      case 'Fn::And':
        return list(2, 10).every((item, index) => this.evaluateCondition(item, [...at, index], rules));
      case 'Fn::Or':
        return list(2, 10).some((item, index) => this.evaluateCondition(item, [...at, index], rules));
      case 'Fn::Not':
        return !this.evaluateCondition(list(1, 1)[0], [...at, 0], rules);
      case 'Fn::Contains':
      case 'Fn::EachMemberEquals':
      case 'Fn::EachMemberIn': {
        if (!rules) break;
        const [members, other] = resolved(list(2, 2));
        return values.ruleFunction(call.fn, members, other, formatPath(at));
      }
    }
    throw new IntrinsicError(call.fn, formatPath(at), `${call.fn} is not a condition function`);
  }

  #call(fn: string, arg: unknown, path: TemplatePath): unknown {
    const location = formatPath(path);
    switch (fn) {
      case 'Ref':
        return this.#ref(arg, location);
      case 'Fn::GetAtt':
        return this.#getAtt(arg, path);
      case 'Fn::Sub':
        return this.#sub(arg, path);
      case 'Fn::If':
        return this.#if(arg, path);
      case 'Fn::FindInMap':
        return this.#findInMap(arg, path);
      case 'Fn::Join':
        return values.join(this.resolve(arg, path), location);
      case 'Fn::Select':
        return values.select(this.resolve(arg, path), location);
      case 'Fn::Split':
        return values.split(this.resolve(arg, path), location);
      case 'Fn::Base64':
        return values.base64(this.resolve(arg, path), location);
      case 'Fn::Length':
        return values.length(this.resolve(arg, path), location);
      case 'Fn::ToJsonString':
        return values.toJsonString(this.resolve(arg, path), location);
      case 'Fn::ImportValue':
        return this.#scope.importValue(
          values.asText(this.resolve(arg, path), fn, location, 'export name'),
          location,
        );
      case 'Fn::GetAZs': {
        const region = values.asText(this.resolve(arg, path), fn, location, 'region');
        return availabilityZones(region || this.#scope.environment.region);
      }
      default: {
        const where = CONDITION_ONLY.has(fn)
          ? ' here: condition functions belong in Conditions or Rules'
          : '';
        throw new IntrinsicError(
          fn,
          location,
          `the sandbox does not support the intrinsic function ${fn}${where}`,
        );
      }
    }
  }

  #ref(name: unknown, location: string): unknown {
    if (typeof name !== 'string')
      throw new IntrinsicError('Ref', location, `Ref expects a name, got ${values.describe(name)}`);
    if (PSEUDO_PARAMETER_NAMES.has(name)) return pseudoParameterValue(name, this.#scope.environment);
    const parameter = this.#scope.parameters.get(name);
    if (parameter !== undefined) return parameter;
    if (Object.hasOwn(this.#scope.template.Resources, name)) return this.#scope.resourceRef(name, location);
    throw new IntrinsicError(
      'Ref',
      location,
      `Ref of "${name}", which is neither a resource, a parameter nor a pseudo parameter`,
    );
  }

  #getAtt(arg: unknown, path: TemplatePath): unknown {
    const location = formatPath(path);
    let logicalId: unknown;
    let attribute: unknown;
    if (typeof arg === 'string') ({ logicalId, attribute } = splitAttributeName(arg));
    else if (Array.isArray(arg) && arg.length === 2)
      [logicalId, attribute] = [arg[0], this.resolve(arg[1], [...path, 1])];
    if (typeof logicalId !== 'string' || typeof attribute !== 'string') {
      throw new IntrinsicError(
        'Fn::GetAtt',
        location,
        `Fn::GetAtt expects [LogicalId, Attribute] or "LogicalId.Attribute", got ${values.describe(arg)}`,
      );
    }
    return this.#scope.resourceAttribute(logicalId, attribute, location);
  }

  #sub(arg: unknown, path: TemplatePath): string {
    const location = formatPath(path);
    const [text, variables] = Array.isArray(arg) ? [arg[0], arg[1] ?? {}] : [arg, {}];
    if (typeof text !== 'string' || !isObject(variables) || (Array.isArray(arg) && arg.length !== 2)) {
      throw new IntrinsicError(
        'Fn::Sub',
        location,
        `Fn::Sub expects a string or [string, { variables }], got ${values.describe(arg)}`,
      );
    }
    const resolvedVariables = new Map<string, unknown>();
    const variable = (name: string): unknown => {
      if (Object.hasOwn(variables, name)) {
        if (!resolvedVariables.has(name))
          resolvedVariables.set(name, this.resolve(variables[name], [...path, 1, name]));
        return resolvedVariables.get(name);
      }
      const { logicalId, attribute } = splitAttributeName(name);
      return attribute === undefined
        ? this.#ref(logicalId, location)
        : this.#scope.resourceAttribute(logicalId, attribute, location);
    };
    return parseSub(text)
      .map((part) =>
        part.kind === 'literal'
          ? part.text
          : values.asText(variable(part.name), 'Fn::Sub', location, `value for \${${part.name}}`),
      )
      .join('');
  }

  #if(arg: unknown, path: TemplatePath): unknown {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') {
      throw new IntrinsicError(
        'Fn::If',
        formatPath(path),
        `Fn::If expects [ConditionName, valueIfTrue, valueIfFalse], got ${values.describe(arg)}`,
      );
    }
    const branch = this.condition(arg[0], [...path, 0]) ? 1 : 2;
    return this.resolve(arg[branch], [...path, branch]);
  }

  #findInMap(arg: unknown, path: TemplatePath): unknown {
    const location = formatPath(path);
    if (!Array.isArray(arg) || arg.length < 3 || arg.length > 4) {
      throw new IntrinsicError(
        'Fn::FindInMap',
        location,
        `Fn::FindInMap expects [MapName, TopLevelKey, SecondLevelKey] and an optional { DefaultValue }, got ${values.describe(arg)}`,
      );
    }
    const keys = arg.slice(0, 3).map((key, index) => this.resolve(key, [...path, index]));
    const option = arg[3];
    if (option !== undefined && !(isObject(option) && Object.hasOwn(option, 'DefaultValue'))) {
      throw new IntrinsicError(
        'Fn::FindInMap',
        location,
        `the fourth argument of Fn::FindInMap must be { DefaultValue: value }`,
      );
    }
    const found = values.findInMap(this.#scope.template.Mappings, keys, option !== undefined, location);
    if (found) return this.resolve(found.value, path);
    return this.resolve(option?.DefaultValue, [...path, 3, 'DefaultValue']);
  }
}
