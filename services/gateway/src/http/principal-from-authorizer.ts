import { type Principal, principalSchema } from '../protocol/index.ts';

/**
 * Reads the principal the Lambda REQUEST authorizer put in `requestContext.authorizer.lambda`.
 * Context values of a simple-response authorizer are strings: `groups` is comma-separated and an
 * absent tenant may arrive as an empty string. Returns undefined when there is no valid principal.
 */
export function principalFromAuthorizer(context: Record<string, unknown> | undefined): Principal | undefined {
  if (!context) return undefined;
  const text = (key: string): string | undefined => {
    const value = context[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const groups = (text('groups') ?? '')
    .split(',')
    .map((group) => group.trim())
    .filter((group) => group !== '');
  const parsed = principalSchema.safeParse({
    principalType: text('principalType'),
    userId: text('userId'),
    tenantId: text('tenantId'),
    role: text('role'),
    email: text('email'),
    groups,
  });
  return parsed.success ? parsed.data : undefined;
}
