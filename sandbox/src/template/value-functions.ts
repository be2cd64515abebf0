/**
 * The intrinsic functions that compute a value from already-resolved arguments. Each checks
 * its arguments the way CloudFormation does and throws an {@link IntrinsicError} that names
 * the function and the place in the template.
 */
import { IntrinsicError } from './errors.ts';
import { isObject } from './template-types.ts';

/** A scalar as CloudFormation turns it into text (numbers and booleans are allowed). */
export function asText(value: unknown, fn: string, location: string, what = 'value'): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new IntrinsicError(fn, location, `${fn} expects a string ${what}, got ${describe(value)}`);
}

export function asList(value: unknown, fn: string, location: string, what = 'list'): unknown[] {
  if (Array.isArray(value)) return value;
  throw new IntrinsicError(fn, location, `${fn} expects a ${what}, got ${describe(value)}`);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isObject(value)) return `an object (${JSON.stringify(value).slice(0, 80)})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function join(args: unknown, location: string): string {
  const [delimiter, list] = pair(args, 'Fn::Join', location, '[delimiter, [values]]');
  const separator = asText(delimiter, 'Fn::Join', location, 'delimiter');
  return asList(list, 'Fn::Join', location)
    .map((item) => asText(item, 'Fn::Join', location, 'list element'))
    .join(separator);
}

export function select(args: unknown, location: string): unknown {
  const [rawIndex, list] = pair(args, 'Fn::Select', location, '[index, [values]]');
  const index = Number(asText(rawIndex, 'Fn::Select', location, 'index'));
  const items = asList(list, 'Fn::Select', location);
  if (!Number.isInteger(index) || index < 0 || index >= items.length) {
    throw new IntrinsicError(
      'Fn::Select',
      location,
      `Fn::Select index ${JSON.stringify(rawIndex)} is out of range for a list of ${items.length} (${JSON.stringify(items).slice(0, 120)})`,
    );
  }
  return items[index];
}

export function split(args: unknown, location: string): string[] {
  const [delimiter, source] = pair(args, 'Fn::Split', location, '[delimiter, string]');
  const separator = asText(delimiter, 'Fn::Split', location, 'delimiter');
  if (separator === '')
    throw new IntrinsicError('Fn::Split', location, 'Fn::Split needs a non-empty delimiter');
  return asText(source, 'Fn::Split', location, 'source').split(separator);
}

export function base64(arg: unknown, location: string): string {
  return Buffer.from(asText(arg, 'Fn::Base64', location), 'utf8').toString('base64');
}

export function length(arg: unknown, location: string): number {
  return asList(arg, 'Fn::Length', location).length;
}

export function toJsonString(arg: unknown, location: string): string {
  if (!Array.isArray(arg) && !isObject(arg)) {
    throw new IntrinsicError(
      'Fn::ToJsonString',
      location,
      `Fn::ToJsonString expects an object or a list, got ${describe(arg)}`,
    );
  }
  return JSON.stringify(arg);
}

/**
 * `Fn::FindInMap`: `[MapName, TopLevelKey, SecondLevelKey]`, optionally followed by
 * `{ DefaultValue: value }` (the AWS::LanguageExtensions form). Returns the mapped value, or
 * `undefined` when a key is missing and the caller has a default.
 */
export function findInMap(
  mappings: Record<string, Record<string, Record<string, unknown>>> | undefined,
  keys: readonly unknown[],
  hasDefault: boolean,
  location: string,
): { readonly value: unknown } | undefined {
  const [mapName, topKey, secondKey] = keys.map((key) => asText(key, 'Fn::FindInMap', location, 'key'));
  const map = mapName === undefined ? undefined : mappings?.[mapName];
  const top = map && topKey !== undefined ? map[topKey] : undefined;
  if (top && secondKey !== undefined && Object.hasOwn(top, secondKey)) return { value: top[secondKey] };
  if (hasDefault) return undefined;
  const missing = !map
    ? `mapping "${mapName}" is not declared in Mappings`
    : !top
      ? `mapping "${mapName}" has no key "${topKey}" (it has: ${Object.keys(map).join(', ')})`
      : `mapping "${mapName}"."${topKey}" has no key "${secondKey}" (it has: ${Object.keys(top).join(', ')})`;
  throw new IntrinsicError('Fn::FindInMap', location, `Fn::FindInMap: ${missing}`);
}

function pair(args: unknown, fn: string, location: string, shape: string): [unknown, unknown] {
  if (!Array.isArray(args) || args.length !== 2) {
    throw new IntrinsicError(fn, location, `${fn} expects ${shape}, got ${describe(args)}`);
  }
  return [args[0], args[1]];
}

/** Scalars compare as CloudFormation strings; lists and objects by their JSON. */
export function comparable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The list functions of `Rules`: `Fn::Contains`, `Fn::EachMemberEquals`, `Fn::EachMemberIn`. */
export function ruleFunction(fn: string, list: unknown, other: unknown, location: string): boolean {
  const members = asList(list, fn, location).map(comparable);
  if (fn === 'Fn::Contains') return members.includes(comparable(other));
  if (fn === 'Fn::EachMemberEquals') return members.every((member) => member === comparable(other));
  const allowed = asList(other, fn, location).map(comparable);
  return members.every((member) => allowed.includes(member));
}
