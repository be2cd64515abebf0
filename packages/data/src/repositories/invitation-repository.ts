import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ulid } from 'ulid';
import * as z from 'zod';
import { isConditionalCheckFailure, transactionCancellationCodes } from '../conditional-failure.ts';
import type { Invitation, InvitationRepository, Member } from '../contract.ts';
import type { InvitationEntity } from '../entities/invitation-entity.ts';
import type { MemberEntity } from '../entities/member-entity.ts';
import { DataValidationError, InvitationNotFoundError, InvitationStateError } from '../errors.ts';
import { GSI2, SK_PREFIX, tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';
import {
  displayNameSchema,
  emailSchema,
  idSchema,
  parseInput,
  roleSchema,
  scopeSchema,
  ulidSchema,
} from '../validation.ts';

/** How long an invitation can be accepted; DynamoDB's TTL removes it afterwards. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const invitationStatusSchema = z.enum(['pending', 'accepted', 'revoked']);

const toInvitation = (stored: Invitation): Invitation => ({
  tenantId: stored.tenantId,
  invitationId: stored.invitationId,
  email: stored.email,
  role: stored.role,
  invitedBy: stored.invitedBy,
  status: stored.status,
  createdAt: stored.createdAt,
  expiresAt: stored.expiresAt,
});

const ttlOf = (expiresAt: string) => Math.ceil(Date.parse(expiresAt) / 1000);

export function createInvitationRepository(
  table: StratumTable,
  invitations: InvitationEntity,
  members: MemberEntity,
  now: () => Date = () => new Date(),
): InvitationRepository {
  async function read(tenantId: string, invitationId: string): Promise<Invitation> {
    const { Item } = await invitations
      .build(GetItemCommand)
      .key({ tenantId, invitationId })
      .options({ consistent: true })
      .send();
    if (!Item) throw new InvitationNotFoundError(invitationId);
    return toInvitation(Item);
  }

  /** Why a stored invitation cannot be used now, or null when it can. */
  function unusable(invitation: Invitation): 'not-pending' | 'expired' | null {
    if (invitation.status !== 'pending') return 'not-pending';
    return invitation.expiresAt <= now().toISOString() ? 'expired' : null;
  }

  return {
    async create(scopeInput, input) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const valid = parseInput(z.object({ email: emailSchema, role: roleSchema }), input, 'input');
      const createdAt = now();
      const expiresAt = new Date(createdAt.getTime() + INVITATION_LIFETIME_MS).toISOString();
      const invitation: Invitation = {
        tenantId: scope.tenantId,
        invitationId: ulid(createdAt.getTime()),
        email: valid.email,
        role: valid.role,
        invitedBy: scope.userId,
        status: 'pending',
        createdAt: createdAt.toISOString(),
        expiresAt,
      };
      await invitations
        .build(PutItemCommand)
        .item({ ...invitation, ttl: ttlOf(expiresAt) })
        .options({ condition: { attr: 'invitationId', exists: false } })
        .send();
      return invitation;
    },

    async list(scopeInput, queryInput = {}) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const { status } = parseInput(
        z.object({ status: invitationStatusSchema.optional() }),
        queryInput,
        'query',
      );
      // A tenant holds few invitations (TTL removes old ones): read them all, oldest first.
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(invitations)
        .query({ partition: tenantPartition(scope.tenantId), range: { beginsWith: SK_PREFIX.invitation } })
        .options({ maxPages: Number.POSITIVE_INFINITY })
        .send();
      return Items.map(toInvitation).filter((invitation) => !status || invitation.status === status);
    },

    async revoke(scopeInput, invitationId) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const id = parseInput(ulidSchema, invitationId, 'invitationId');
      const current = await read(scope.tenantId, id);
      if (current.status !== 'pending') throw new InvitationStateError(id, 'not-pending');
      const next: Invitation = { ...current, status: 'revoked' };
      try {
        await invitations
          .build(PutItemCommand)
          .item({ ...next, ttl: ttlOf(next.expiresAt) })
          .options({ condition: { attr: 'status', eq: 'pending' } })
          .send();
      } catch (error) {
        if (isConditionalCheckFailure(error))
          throw new InvitationStateError(id, 'not-pending', { cause: error });
        throw error;
      }
      return next;
    },

    async findPendingByEmail(emailInput) {
      const email = parseInput(emailSchema, emailInput, 'email');
      // gsi2 sorts an address's invitations by status, then expiry: one key range is
      // "pending and not yet expired"; the latest-expiring (newest) comes first.
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(invitations)
        .query({
          index: 'gsi2',
          partition: GSI2.email(email),
          range: { between: [`INVITE#pending#${now().toISOString()}`, 'INVITE#pending#~'] },
        })
        .options({ limit: 1, reverse: true })
        .send();
      const [first] = Items;
      return first ? toInvitation(first) : null;
    },

    async accept(invitationInput, userInput) {
      const ref = parseInput(
        z.object({ tenantId: idSchema, invitationId: ulidSchema }),
        invitationInput,
        'invitation',
      );
      const user = parseInput(
        z.object({ userId: idSchema, email: emailSchema, displayName: displayNameSchema }),
        userInput,
        'user',
      );
      // The stored invitation is the truth (role, e-mail, state), not the object passed in.
      const invitation = await read(ref.tenantId, ref.invitationId);
      if (invitation.email !== user.email) {
        throw new DataValidationError('user.email', 'does not match the invitation');
      }
      const reason = unusable(invitation);
      if (reason) throw new InvitationStateError(invitation.invitationId, reason);

      const accepted: Invitation = { ...invitation, status: 'accepted' };
      const member: Member = {
        tenantId: invitation.tenantId,
        userId: user.userId,
        email: user.email,
        displayName: user.displayName,
        role: invitation.role,
        joinedAt: now().toISOString(),
      };
      try {
        await execute(
          invitations
            .build(PutTransaction)
            .item({ ...accepted, ttl: ttlOf(accepted.expiresAt) })
            .options({
              condition: {
                and: [
                  { attr: 'status', eq: 'pending' },
                  { attr: 'expiresAt', gt: now().toISOString() },
                ],
              },
            }),
          members
            .build(PutTransaction)
            .item(member)
            .options({ condition: { attr: 'userId', exists: false } }),
        );
      } catch (error) {
        const codes = transactionCancellationCodes(error);
        if (codes?.[1] === 'ConditionalCheckFailed') {
          throw new InvitationStateError(invitation.invitationId, 'already-member', { cause: error });
        }
        if (codes?.[0] === 'ConditionalCheckFailed') {
          const latest = await read(ref.tenantId, ref.invitationId);
          throw new InvitationStateError(invitation.invitationId, unusable(latest) ?? 'not-pending', {
            cause: error,
          });
        }
        throw error;
      }
      return member;
    },
  };
}
