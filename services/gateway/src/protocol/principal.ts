import * as z from 'zod';

/**
 * The identity an operation runs for, as the gateway hands it to every subgraph. It is built
 * from the Lambda authorizer's verified context, never from client input.
 */
const customerPrincipalSchema = z.object({
  principalType: z.literal('customer'),
  userId: z.string().min(1).max(128),
  /** Absent for a customer who is not (yet) a member of any tenant. */
  tenantId: z.string().min(1).max(128).optional(),
  role: z.enum(['owner', 'member']).optional(),
  email: z.string().max(320).optional(),
  groups: z.array(z.string().max(128)).max(50).default([]),
});

const staffPrincipalSchema = z.object({
  principalType: z.literal('staff'),
  userId: z.string().min(1).max(128),
  email: z.string().max(320).optional(),
  groups: z.array(z.string().max(128)).max(50).default([]),
});

export const principalSchema = z.discriminatedUnion('principalType', [
  customerPrincipalSchema,
  staffPrincipalSchema,
]);

export type Principal = z.output<typeof principalSchema>;
export type CustomerPrincipal = z.output<typeof customerPrincipalSchema>;
export type StaffPrincipal = z.output<typeof staffPrincipalSchema>;
