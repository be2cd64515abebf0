import { z } from 'zod';
import { CloudFrontDefinitionError } from './errors.ts';

/*
 * CloudFormation hands resolved properties over as JSON, but a value built with `Fn::Join` or
 * `Fn::Sub` is a string even where the schema says number or boolean; CloudFormation converts
 * those, so the emulator does too.
 */
export const cfnInteger = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const cfnBoolean = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((value) => value === 'true'),
]);

/** CloudFront's `{ Quantity?, Items: [...] }` lists, as CloudFormation spells them. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ Items: z.array(item).default([]) });

/** Parses `properties` or throws one error listing every problem with its property path. */
export function parseProperties<S extends z.ZodType>(
  schema: S,
  properties: unknown,
  resource: string,
): z.output<S> {
  const result = schema.safeParse(properties);
  if (!result.success) {
    throw new CloudFrontDefinitionError(
      resource,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(properties)'}: ${issue.message}`),
    );
  }
  return result.data;
}
