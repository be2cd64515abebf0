import { createHash } from 'node:crypto';
import type { ProvisionContext } from './resource-provider.ts';

/**
 * The name CloudFormation gives a resource whose template names none: `<stack>-<logicalId>-<SUFFIX>`,
 * cut to the type's length limit. The suffix is derived from the stack id and the logical id, so the
 * same template gets the same names on every start — which is what lets data in `.stratum/` outlive
 * a restart (a table or a queue is found again under its old name).
 */
export function generatedPhysicalName(
  logicalId: string,
  context: ProvisionContext,
  maxLength: number,
): string {
  const suffix = createHash('sha256')
    .update(`${context.stack.stackId}/${logicalId}`)
    .digest('hex')
    .slice(0, 12)
    .toUpperCase();
  return `${`${context.stack.stackName}-${logicalId}`.slice(0, maxLength - suffix.length - 1)}-${suffix}`;
}

/** The template's name for the resource when it gives one, else {@link generatedPhysicalName}. */
export function physicalNameOf(
  properties: Readonly<Record<string, unknown>>,
  nameProperty: string,
  logicalId: string,
  context: ProvisionContext,
  maxLength: number,
): string {
  const given = properties[nameProperty];
  return typeof given === 'string' && given.length > 0
    ? given
    : generatedPhysicalName(logicalId, context, maxLength);
}
