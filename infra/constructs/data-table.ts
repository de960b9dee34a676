import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { TableAccess } from '../../shared/routes.js';
import { tableDefinition } from '../../shared/data/table-definition.js';
import { environmentVariables } from './environment-variables.js';

const string = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * What each access level may call. Spelled out rather than `grantReadData`, which
 * would also allow `Scan` and stream reads: no request path scans the table.
 */
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const WRITE_ACTIONS = [...READ_ACTIONS, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export interface DataTableProps {
  destroyable: boolean;
}

/** The single table of shared/data/table-definition.ts. */
export class DataTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: string(tableDefinition.partitionKey),
      sortKey: string(tableDefinition.sortKey),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      globalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...index.nonKeyAttributes],
      })),
      deletionProtection: !props.destroyable,
      removalPolicy: props.destroyable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
  }

  /** Grants the access level of the route table and names the table in the function's environment. */
  grantAccess(fn: LambdaFunction, access: TableAccess): void {
    if (access === 'none') return;
    this.table.grant(fn, ...(access === 'read' ? READ_ACTIONS : WRITE_ACTIONS));
    fn.addEnvironment(environmentVariables.tableName, this.table.tableName);
  }
}
