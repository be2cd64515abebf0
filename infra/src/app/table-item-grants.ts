import type { TABLE_SCHEMA } from '@stratum/data/table-schema';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { AppTable } from './app-table.ts';

export type TableItemAction =
  | 'dynamodb:DeleteItem'
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:Query'
  | 'dynamodb:TransactWriteItems'
  | 'dynamodb:UpdateItem';

export type TableIndexName = (typeof TABLE_SCHEMA.globalIndexes)[number]['indexName'];

export interface TableItemGrant {
  /** Actions on the table itself. */
  readonly actions: readonly TableItemAction[];
  /** Indexes the grantee queries (`dynamodb:Query` on `<table>/index/<name>`). */
  readonly queriedIndexes?: readonly TableIndexName[];
}

/**
 * Exactly the item actions a consumer's README lists, on the table (and the indexes it
 * queries), plus the use of the table's key that those actions need. Narrower than
 * `AppTable.grantReadWriteItems`, which the API's subgraphs use: event consumers touch a
 * handful of item types and never scan.
 */
export function grantTableItems(table: AppTable, grantee: iam.IGrantable, grant: TableItemGrant): void {
  const { tableArn } = table.table;
  iam.Grant.addToPrincipal({ grantee, actions: [...grant.actions], resourceArns: [tableArn] });
  const indexes = grant.queriedIndexes ?? [];
  if (indexes.length > 0) {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['dynamodb:Query'],
      resourceArns: indexes.map((index) => `${tableArn}/index/${index}`),
    });
  }
  const writes = grant.actions.some((action) => action !== 'dynamodb:GetItem' && action !== 'dynamodb:Query');
  iam.Grant.addToPrincipal({
    grantee,
    actions: writes
      ? ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey']
      : ['kms:Decrypt', 'kms:DescribeKey'],
    resourceArns: [table.key.keyArn],
  });
}
