import { TABLE_SCHEMA } from '@stratum/data/table-schema';
import { Duration } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface AppTableProps {
  /** Days of point-in-time recovery kept (1-35). */
  readonly backupRetentionDays: number;
  /** Refuse `DeleteTable` while set. */
  readonly deletionProtection: boolean;
}

/**
 * The single DynamoDB table of the application, shaped by `TABLE_SCHEMA` (the same constant
 * the entity models read). Secure defaults, fixed: on-demand billing (cheap when idle),
 * encryption with a customer-managed key that rotates yearly, point-in-time recovery,
 * a stream with old and new images for the event pipeline, and TTL.
 */
export class AppTable extends Construct {
  readonly table: dynamodb.TableV2;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: AppTableProps) {
    super(scope, id);
    if (!Number.isInteger(props.backupRetentionDays) || props.backupRetentionDays < 1) {
      throw new Error(`backupRetentionDays must be 1-35 days, got ${props.backupRetentionDays}`);
    }
    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the application table, its stream and backups',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
    });
    const attribute = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: attribute(TABLE_SCHEMA.partitionKey),
      sortKey: attribute(TABLE_SCHEMA.sortKey),
      globalSecondaryIndexes: TABLE_SCHEMA.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      timeToLiveAttribute: TABLE_SCHEMA.timeToLiveAttribute,
      billing: dynamodb.Billing.onDemand(),
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: true,
        recoveryPeriodInDays: props.backupRetentionDays,
      },
      deletionProtection: props.deletionProtection,
    });
  }

  /**
   * Item reads and writes on the table and its two indexes, and use of the table's key.
   * Narrower than `TableV2.grantReadWriteData`, which allows `index/*` and the `kms:ReEncrypt*`
   * and `kms:GenerateDataKey*` wildcards: these are the actions DynamoDB uses, spelled out.
   */
  grantReadWriteItems(grantee: iam.IGrantable): void {
    const { tableArn } = this.table;
    iam.Grant.addToPrincipal({
      grantee,
      actions: [...ITEM_ACTIONS],
      resourceArns: [
        tableArn,
        ...TABLE_SCHEMA.globalIndexes.map((index) => `${tableArn}/index/${index.indexName}`),
      ],
    });
    iam.Grant.addToPrincipal({ grantee, actions: [...KEY_ACTIONS], resourceArns: [this.key.keyArn] });
  }
}

/** Item-level data actions; no table management, no stream, no backups. */
const ITEM_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
] as const;

/** What DynamoDB does with a customer-managed key on behalf of a caller (no key pairs). */
const KEY_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
] as const;
