import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import * as z from 'zod';
import { isConditionalCheckFailure } from '../conditional-failure.ts';
import type { Member, MemberRepository } from '../contract.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { MemberEntity } from '../entities/member-entity.ts';
import { MemberNotFoundError } from '../errors.ts';
import { GSI1, GSI2, SK_PREFIX, tenantPartition } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';
import {
  displayNameSchema,
  emailSchema,
  idSchema,
  pageQuerySchema,
  parseInput,
  scopeSchema,
} from '../validation.ts';

const toMember = ({ tenantId, userId, email, displayName, role, joinedAt }: Member): Member => ({
  tenantId,
  userId,
  email,
  displayName,
  role,
  joinedAt,
});

export function createMemberRepository(table: StratumTable, members: MemberEntity): MemberRepository {
  async function read(tenantId: string, userId: string): Promise<Member> {
    const { Item } = await members
      .build(GetItemCommand)
      .key({ tenantId, userId })
      .options({ consistent: true })
      .send();
    if (!Item) throw new MemberNotFoundError(userId);
    return toMember(Item);
  }

  return {
    async get(scopeInput, userId) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      return read(scope.tenantId, parseInput(idSchema, userId, 'userId'));
    },

    async list(scopeInput, queryInput = {}) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const query = parseInput(pageQuerySchema, queryInput, 'query');
      const pk = tenantPartition(scope.tenantId);
      const exclusiveStartKey = query.cursor
        ? decodeCursor(query.cursor, { fixed: { pk }, prefixed: { sk: SK_PREFIX.member } }, 'query.cursor')
        : undefined;
      const { Items = [], LastEvaluatedKey } = await table
        .build(QueryCommand)
        .entities(members)
        .query({ partition: pk, range: { beginsWith: SK_PREFIX.member } })
        .options({ limit: query.limit, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
        .send();
      return { items: Items.map(toMember), nextCursor: encodeCursor(LastEvaluatedKey) };
    },

    async updateProfile(scopeInput, patch) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const { displayName } = parseInput(z.object({ displayName: displayNameSchema }), patch, 'patch');
      const next = { ...(await read(scope.tenantId, scope.userId)), displayName };
      try {
        await members
          .build(PutItemCommand)
          .item(next)
          .options({ condition: { attr: 'userId', exists: true } })
          .send();
      } catch (error) {
        if (isConditionalCheckFailure(error)) throw new MemberNotFoundError(scope.userId);
        throw error;
      }
      return next;
    },

    async findByEmail(emailInput) {
      const email = parseInput(emailSchema, emailInput, 'email');
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(members)
        .query({ index: 'gsi2', partition: GSI2.email(email), range: { beginsWith: SK_PREFIX.member } })
        .options({ limit: 1 })
        .send();
      const [first] = Items;
      return first ? toMember(first) : null;
    },

    async findByUserId(userIdInput) {
      const userId = parseInput(idSchema, userIdInput, 'userId');
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(members)
        .query({ index: 'gsi1', partition: GSI1.userMemberships(userId) })
        .options({ limit: 1 })
        .send();
      const [first] = Items;
      return first ? toMember(first) : null;
    },
  };
}
