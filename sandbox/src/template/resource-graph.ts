import { UnknownReferenceError } from './errors.ts';
import { PSEUDO_PARAMETER_NAMES } from './pseudo-parameters.ts';
import { collectReferences, type TemplateReference } from './references.ts';
import { formatPath } from './template-path.ts';
import type { CfnTemplate } from './template-types.ts';
import { topologicalOrder } from './topological-order.ts';

/** The resources of one template, in an order where each comes after what it references. */
export interface ResourceGraph {
  readonly order: readonly string[];
  /** Logical id → the logical ids of the resources it needs first. */
  readonly dependencies: ReadonlyMap<string, ReadonlySet<string>>;
  /** Condition name → the conditions it uses, in evaluation order. */
  readonly conditionOrder: readonly string[];
}

/**
 * Builds the dependency graph of a template from `Ref`, `Fn::GetAtt`, `Fn::Sub` and `DependsOn`,
 * and checks every name those use (and every `Condition`) exists.
 *
 * @throws UnknownReferenceError listing every unknown name with its place in the template.
 * @throws DependencyCycleError naming the resources (or conditions) of a cycle.
 */
export function buildResourceGraph(template: CfnTemplate, stackName: string): ResourceGraph {
  const resources = template.Resources ?? {};
  const parameters = template.Parameters ?? {};
  const conditions = template.Conditions ?? {};
  const problems: { target: string; text: string }[] = [];
  const problem = (target: string, path: readonly (string | number)[], text: string) =>
    problems.push({ target, text: `${formatPath(path)}: ${text}` });

  const checkCondition = (name: string, path: readonly (string | number)[]) => {
    if (!Object.hasOwn(conditions, name))
      problem(name, path, `condition "${name}" is not declared in Conditions`);
  };
  const check = (reference: TemplateReference, allowResources: boolean) => {
    const { kind, target, path } = reference;
    if (kind === 'condition') return checkCondition(target, path);
    const isResource = Object.hasOwn(resources, target);
    if (kind === 'getatt') {
      if (!isResource)
        problem(target, path, `Fn::GetAtt of "${target}", which is not a resource of this template`);
      else if (!allowResources) problem(target, path, `a condition cannot use the resource "${target}"`);
      return;
    }
    if (isResource && !allowResources)
      return problem(target, path, `a condition cannot use the resource "${target}"`);
    if (!isResource && !Object.hasOwn(parameters, target) && !PSEUDO_PARAMETER_NAMES.has(target)) {
      problem(target, path, `"${target}" is neither a resource, a parameter nor a pseudo parameter`);
    }
  };

  const dependencies = new Map<string, Set<string>>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    const needs = new Set<string>();
    const base = ['Resources', logicalId];
    if (typeof resource?.Type !== 'string') problem(logicalId, base, 'the resource has no Type');
    if (resource.Condition !== undefined) checkCondition(resource.Condition, [...base, 'Condition']);
    const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
    for (const target of dependsOn) {
      if (Object.hasOwn(resources, target)) needs.add(target);
      else
        problem(
          target,
          [...base, 'DependsOn'],
          `DependsOn "${target}", which is not a resource of this template`,
        );
    }
    for (const key of ['Properties', 'Metadata'] as const) {
      for (const reference of collectReferences(resource[key], [...base, key])) {
        check(reference, true);
        if (reference.kind !== 'condition' && Object.hasOwn(resources, reference.target))
          needs.add(reference.target);
      }
    }
    dependencies.set(logicalId, needs);
  }

  const conditionNeeds = new Map<string, string[]>();
  for (const [name, expression] of Object.entries(conditions)) {
    const references = collectReferences(expression, ['Conditions', name], true);
    for (const reference of references) check(reference, false);
    conditionNeeds.set(
      name,
      references.filter((r) => r.kind === 'condition').map((r) => r.target),
    );
  }
  for (const [name, output] of Object.entries(template.Outputs ?? {})) {
    if (output.Condition !== undefined) checkCondition(output.Condition, ['Outputs', name, 'Condition']);
    for (const reference of collectReferences(output, ['Outputs', name])) check(reference, true);
  }

  if (problems.length > 0) {
    const first = problems[0] as { target: string; text: string };
    throw new UnknownReferenceError(
      first.target,
      first.text,
      `stack ${stackName} has ${problems.length} unknown reference(s):\n${problems.map((p) => `  ${p.text}`).join('\n')}`,
    );
  }

  const order = topologicalOrder(
    Object.keys(resources),
    (id) => dependencies.get(id) ?? [],
    `stack ${stackName}: resource`,
  );
  const conditionOrder = topologicalOrder(
    Object.keys(conditions),
    (name) => (conditionNeeds.get(name) ?? []).filter((n) => Object.hasOwn(conditions, n)),
    `stack ${stackName}: condition`,
  );
  return { order, dependencies, conditionOrder };
}
