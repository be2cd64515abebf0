import { parseSub, splitAttributeName } from './sub-syntax.ts';
import type { TemplatePath } from './template-path.ts';
import { intrinsicOf, isObject } from './template-types.ts';

/** A name a template value points at, and where. */
export interface TemplateReference {
  /** `ref`: a resource, parameter or pseudo parameter; `getatt`: a resource; `condition`: a condition. */
  readonly kind: 'ref' | 'getatt' | 'condition';
  readonly target: string;
  readonly attribute?: string;
  readonly path: TemplatePath;
}

/**
 * Every reference inside a template value: `Ref`, both forms of `Fn::GetAtt`, the variables
 * of `Fn::Sub` (except those its own variables map defines), the condition of `Fn::If` and,
 * with `conditionContext`, `{ "Condition": name }` inside condition functions.
 */
export function collectReferences(
  value: unknown,
  path: TemplatePath,
  conditionContext = false,
): TemplateReference[] {
  const found: TemplateReference[] = [];
  walk(value, path, conditionContext, found);
  return found;
}

const CONDITION_FUNCTIONS = new Set(['Fn::And', 'Fn::Or', 'Fn::Not']);

function walk(
  value: unknown,
  path: TemplatePath,
  conditionContext: boolean,
  found: TemplateReference[],
): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walk(item, [...path, index], conditionContext, found);
    return;
  }
  if (!isObject(value)) return;
  const call = intrinsicOf(value);
  if (conditionContext && !call && Object.keys(value).length === 1 && typeof value.Condition === 'string') {
    found.push({ kind: 'condition', target: value.Condition, path: [...path, 'Condition'] });
    return;
  }
  if (!call) {
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key], conditionContext, found);
    return;
  }
  const at = [...path, call.fn];
  switch (call.fn) {
    case 'Ref':
      if (typeof call.arg === 'string') found.push({ kind: 'ref', target: call.arg, path: at });
      return;
    case 'Fn::GetAtt':
      collectGetAtt(call.arg, at, conditionContext, found);
      return;
    case 'Fn::Sub':
      collectSub(call.arg, at, conditionContext, found);
      return;
    case 'Fn::If':
      if (Array.isArray(call.arg) && typeof call.arg[0] === 'string') {
        found.push({ kind: 'condition', target: call.arg[0], path: [...at, 0] });
        for (const [index, branch] of call.arg.entries())
          if (index > 0) walk(branch, [...at, index], false, found);
      }
      return;
    default:
      walk(call.arg, at, conditionContext || CONDITION_FUNCTIONS.has(call.fn), found);
  }
}

function collectGetAtt(
  arg: unknown,
  at: TemplatePath,
  conditionContext: boolean,
  found: TemplateReference[],
) {
  if (typeof arg === 'string') {
    const { logicalId, attribute } = splitAttributeName(arg);
    found.push({
      kind: 'getatt',
      target: logicalId,
      ...(attribute === undefined ? {} : { attribute }),
      path: at,
    });
  } else if (Array.isArray(arg) && typeof arg[0] === 'string') {
    const attribute = typeof arg[1] === 'string' ? { attribute: arg[1] } : {};
    found.push({ kind: 'getatt', target: arg[0], ...attribute, path: at });
    walk(arg[1], [...at, 1], conditionContext, found);
  }
}

function collectSub(arg: unknown, at: TemplatePath, conditionContext: boolean, found: TemplateReference[]) {
  const [text, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
  const own = isObject(variables) ? new Set(Object.keys(variables)) : new Set<string>();
  if (typeof text === 'string') {
    for (const part of parseSub(text)) {
      if (part.kind !== 'variable' || own.has(part.name)) continue;
      const { logicalId, attribute } = splitAttributeName(part.name);
      if (attribute === undefined) found.push({ kind: 'ref', target: logicalId, path: at });
      else found.push({ kind: 'getatt', target: logicalId, attribute, path: at });
    }
  }
  if (isObject(variables)) walk(variables, [...at, 1], conditionContext, found);
}
