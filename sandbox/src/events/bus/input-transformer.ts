import { EventsDefinitionError } from './errors.ts';
import type { EventEnvelope } from './event-envelope.ts';
import { type CompiledJsonPath, compileJsonPath, evaluateJsonPath } from './json-path.ts';

/** What a template placeholder can read besides the `InputPathsMap` variables. */
export interface TransformContext {
  readonly event: EventEnvelope;
  readonly ruleArn: string;
  readonly ruleName: string;
  readonly ingestionTime: Date;
}

const RESERVED = new Set([
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event.ingestion-time',
  'aws.events.event',
  'aws.events.event.json',
]);
/** These hold raw JSON objects, which EventBridge only allows as a JSON value, never inside a string. */
const JSON_ONLY = new Set(['aws.events.event', 'aws.events.event.json']);
const MAX_VARIABLES = 100;
const PLACEHOLDER = /<([A-Za-z0-9_.-]+)>/g;
const VARIABLE_NAME = /^[A-Za-z0-9_-]+$/;

type Segment = { readonly text: string } | { readonly name: string; readonly inString: boolean };

/** An `InputTransformer` checked and parsed once, at rule creation. */
export interface CompiledInputTransformer {
  readonly paths: ReadonlyMap<string, CompiledJsonPath>;
  readonly segments: readonly Segment[];
  /** A template that is JSON (starts with `{`, `[` or `"`) quotes string values placed outside quotes. */
  readonly jsonTemplate: boolean;
}

/**
 * Cuts the template into text and placeholders, noting for each placeholder whether it sits inside
 * a JSON string literal (tracked by scanning quotes and backslash escapes from the start).
 */
function splitTemplate(template: string, isVariable: (name: string) => boolean): Segment[] {
  const segments: Segment[] = [];
  let inString = false;
  let last = 0;
  let index = 0;
  while (index < template.length) {
    const char = template[index];
    if (char === '\\' && inString) {
      index += 2;
      continue;
    }
    if (char === '"') inString = !inString;
    if (char === '<') {
      PLACEHOLDER.lastIndex = index;
      const match = PLACEHOLDER.exec(template);
      const name = match?.index === index ? match[1] : undefined;
      if (match !== null && name !== undefined && isVariable(name)) {
        if (index > last) segments.push({ text: template.slice(last, index) });
        segments.push({ name, inString });
        index += match[0].length;
        last = index;
        continue;
      }
    }
    index += 1;
  }
  if (last < template.length) segments.push({ text: template.slice(last) });
  return segments;
}

/**
 * Checks an `InputTransformer` as PutTargets does: at most 100 variables, none named like a
 * reserved one, JSONPaths EventBridge evaluates, the raw-event variables only as JSON values.
 * A `<placeholder>` that names no variable stays in the output as text (templates may hold markup).
 */
export function compileInputTransformer(transformer: unknown, where: string): CompiledInputTransformer {
  const problems: string[] = [];
  const spec = (typeof transformer === 'object' && transformer !== null ? transformer : {}) as Record<
    string,
    unknown
  >;
  const template = spec.InputTemplate;
  if (typeof template !== 'string') problems.push('InputTransformer.InputTemplate is required (a string)');
  const map = spec.InputPathsMap ?? {};
  const paths = new Map<string, CompiledJsonPath>();
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    problems.push('InputTransformer.InputPathsMap must be an object of name → JSONPath');
  } else {
    const entries = Object.entries(map);
    if (entries.length > MAX_VARIABLES)
      problems.push(`InputPathsMap has ${entries.length} variables (at most ${MAX_VARIABLES})`);
    for (const [name, path] of entries) {
      if (RESERVED.has(name) || name.startsWith('aws.'))
        problems.push(`InputPathsMap.${name}: the name is reserved`);
      else if (!VARIABLE_NAME.test(name))
        problems.push(`InputPathsMap.${name}: names use letters, digits, _ and -`);
      else if (typeof path !== 'string') problems.push(`InputPathsMap.${name} must be a JSONPath string`);
      else {
        try {
          paths.set(name, compileJsonPath(path, where));
        } catch (error) {
          problems.push(`InputPathsMap.${name}: ${(error as EventsDefinitionError).problems.join('; ')}`);
        }
      }
    }
  }
  if (typeof template !== 'string' || problems.length > 0) throw new EventsDefinitionError(where, problems);
  const segments = splitTemplate(template, (name) => paths.has(name) || RESERVED.has(name));
  for (const segment of segments) {
    if ('name' in segment && segment.inString && JSON_ONLY.has(segment.name)) {
      problems.push(`<${segment.name}> can only be used as a JSON value, not inside a quoted string`);
    }
  }
  if (problems.length > 0) throw new EventsDefinitionError(where, problems);
  return { paths, segments, jsonTemplate: /^\s*[{["]/.test(template) };
}

function reservedValue(name: string, context: TransformContext): unknown {
  switch (name) {
    case 'aws.events.rule-arn':
      return context.ruleArn;
    case 'aws.events.rule-name':
      return context.ruleName;
    case 'aws.events.event.ingestion-time':
      return context.ingestionTime.toISOString();
    case 'aws.events.event': {
      const { detail: _detail, ...withoutDetail } = context.event;
      return withoutDetail;
    }
    default:
      return context.event;
  }
}

/**
 * Renders the template for one event. Inside a quoted string a value goes in raw — EventBridge
 * does not escape it, so a value holding `"` yields broken JSON there too. Outside quotes, a
 * JSON template gets the value as JSON (strings quoted); a plain-text template gets it raw. A
 * path the event does not have gives `null` as a JSON value and nothing inside text.
 */
export function renderInputTransformer(
  compiled: CompiledInputTransformer,
  context: TransformContext,
): string {
  let output = '';
  for (const segment of compiled.segments) {
    if ('text' in segment) {
      output += segment.text;
      continue;
    }
    const path = compiled.paths.get(segment.name);
    const value =
      path === undefined ? reservedValue(segment.name, context) : evaluateJsonPath(path, context.event);
    const asJson = compiled.jsonTemplate && !segment.inString;
    if (value === undefined) output += asJson ? 'null' : '';
    else if (asJson || (typeof value === 'object' && value !== null)) output += JSON.stringify(value);
    else output += String(value);
  }
  return output;
}
