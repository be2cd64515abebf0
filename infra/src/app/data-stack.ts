import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AppTable } from './app-table.ts';

export interface DataStackProps extends StackProps {
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
}

/** The stage's data: the single application table and the key that encrypts it. */
export class DataStack extends Stack {
  readonly table: AppTable;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    this.table = new AppTable(this, 'App', {
      backupRetentionDays: props.backupRetentionDays,
      deletionProtection: props.deletionProtection,
    });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
  }
}
