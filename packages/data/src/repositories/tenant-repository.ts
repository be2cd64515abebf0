import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import * as z from 'zod';
import { isConditionalCheckFailure, transactionCancellationCodes } from '../conditional-failure.ts';
import type { Member, Tenant, TenantRepository } from '../contract.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { MemberEntity } from '../entities/member-entity.ts';
import type { TenantEntity } from '../entities/tenant-entity.ts';
import { TenantAlreadyExistsError, TenantNotFoundError } from '../errors.ts';
import { GSI1, SK } from '../keys.ts';
import type { StratumTable } from '../stratum-table.ts';
import {
  displayNameSchema,
  emailSchema,
  idSchema,
  pageQuerySchema,
  parseInput,
  scopeSchema,
  tenantNameSchema,
} from '../validation.ts';

const newTenantSchema = z.object({
  tenantId: idSchema,
  name: tenantNameSchema,
  owner: z.object({ userId: idSchema, email: emailSchema, displayName: displayNameSchema }),
});

const toTenant = ({ tenantId, name, createdAt }: Tenant): Tenant => ({ tenantId, name, createdAt });

export function createTenantRepository(
  table: StratumTable,
  tenants: TenantEntity,
  members: MemberEntity,
): TenantRepository {
  async function read(tenantId: string): Promise<Tenant> {
    const { Item } = await tenants
      .build(GetItemCommand)
      .key({ tenantId })
      .options({ consistent: true })
      .send();
    if (!Item) throw new TenantNotFoundError(tenantId);
    return toTenant(Item);
  }

  return {
    async createWithOwner(input) {
      const valid = parseInput(newTenantSchema, input, 'input');
      const now = new Date().toISOString();
      const tenant: Tenant = { tenantId: valid.tenantId, name: valid.name, createdAt: now };
      const owner: Member = { tenantId: valid.tenantId, ...valid.owner, role: 'owner', joinedAt: now };
      try {
        await execute(
          tenants
            .build(PutTransaction)
            .item(tenant)
            .options({ condition: { attr: 'tenantId', exists: false } }),
          members
            .build(PutTransaction)
            .item(owner)
            .options({ condition: { attr: 'userId', exists: false } }),
        );
      } catch (error) {
        if (transactionCancellationCodes(error)?.includes('ConditionalCheckFailed')) {
          throw new TenantAlreadyExistsError(valid.tenantId);
        }
        throw error;
      }
      return { tenant, owner };
    },

    async get(scopeInput) {
      return read(parseInput(scopeSchema, scopeInput, 'scope').tenantId);
    },

    async rename(scopeInput, name) {
      const scope = parseInput(scopeSchema, scopeInput, 'scope');
      const next = { ...(await read(scope.tenantId)), name: parseInput(tenantNameSchema, name, 'name') };
      try {
        await tenants
          .build(PutItemCommand)
          .item(next)
          .options({ condition: { attr: 'tenantId', exists: true } })
          .send();
      } catch (error) {
        if (isConditionalCheckFailure(error)) throw new TenantNotFoundError(scope.tenantId);
        throw error;
      }
      return next;
    },

    async listAll(queryInput = {}) {
      const query = parseInput(pageQuerySchema, queryInput, 'query');
      const exclusiveStartKey = query.cursor
        ? decodeCursor(
            query.cursor,
            {
              fixed: { gsi1pk: GSI1.allTenants, sk: SK.tenant },
              prefixed: { pk: 'T#', gsi1sk: '' },
            },
            'query.cursor',
          )
        : undefined;
      const { Items = [], LastEvaluatedKey } = await table
        .build(QueryCommand)
        .entities(tenants)
        .query({ index: 'gsi1', partition: GSI1.allTenants })
        .options({ limit: query.limit, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
        .send();
      return { items: Items.map(toTenant), nextCursor: encodeCursor(LastEvaluatedKey) };
    },
  };
}
