import { TemplateError } from './errors.ts';
import type { ParameterStore } from './parameter-store.ts';
import { formatPath, type TemplatePath } from './template-path.ts';
import { isObject } from './template-types.ts';

const DYNAMIC_REFERENCE = /\{\{resolve:([a-z-]+):([^}]*)\}\}/g;

/**
 * Replaces CloudFormation dynamic references in resolved property values. Supported:
 * `{{resolve:ssm:name}}` and `{{resolve:ssm:name:version}}` (read from `store` in the stack's
 * region; CDK's cross-region references use them). `ssm-secure` and `secretsmanager` references
 * are an error until a secrets emulator provides them.
 */
export function resolveDynamicReferences(
  value: unknown,
  region: string,
  store: ParameterStore,
  path: TemplatePath,
): unknown {
  if (typeof value === 'string') {
    if (!value.includes('{{resolve:')) return value;
    return value.replaceAll(DYNAMIC_REFERENCE, (_match, service: string, reference: string) => {
      if (service !== 'ssm') {
        throw new TemplateError(
          `${formatPath(path)}: the sandbox cannot resolve {{resolve:${service}:...}} dynamic references yet`,
        );
      }
      const name = reference.replace(/:\d+$/, '');
      const stored = store.get(region, name);
      if (stored === undefined) {
        throw new TemplateError(
          `${formatPath(path)}: {{resolve:ssm:${reference}}} names an SSM parameter that does not exist in ${region}`,
        );
      }
      return stored;
    });
  }
  if (Array.isArray(value))
    return value.map((item, index) => resolveDynamicReferences(item, region, store, [...path, index]));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        resolveDynamicReferences(child, region, store, [...path, key]),
      ]),
    );
  }
  return value;
}
