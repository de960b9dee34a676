import { Duration } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { backgroundFunctions } from '../../shared/routes.js';
import { avatarBucket } from '../../shared/storage/bucket-definition.js';
import type { AvatarBucket } from './avatar-bucket.js';
import type { DataTable } from './data-table.js';
import { environmentVariables } from './environment-variables.js';
import { NodeFunction, type FunctionDefaults } from './node-function.js';

export interface AvatarResizeProps {
  defaults: FunctionDefaults;
  table: DataTable;
  avatars: AvatarBucket;
  /** Base URL that serves `avatars/...` (the distribution). */
  avatarsBaseUrl: string;
}

/** The S3-triggered pipeline that turns raw uploads into published avatars. */
export class AvatarResize extends Construct {
  readonly function: NodeFunction;
  /** Events that still failed after the retries, kept for inspection. */
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: AvatarResizeProps) {
    super(scope, id);
    const spec = backgroundFunctions['avatar-resize'];
    this.failures = new Queue(this, 'Failures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.function = new NodeFunction(this, 'Function', {
      entry: spec.entry,
      defaults: props.defaults,
      memoryMb: spec.memoryMb,
      timeout: Duration.seconds(60),
      environment: { [environmentVariables.avatarsBaseUrl]: props.avatarsBaseUrl },
      nativeModules: ['sharp'],
      onFailure: new SqsDestination(this.failures),
      retryAttempts: 2,
    });
    props.table.grantAccess(this.function, 'write');
    props.avatars.addToEnvironment(this.function);
    props.avatars.grantResize(this.function);
    props.avatars.bucket.addEventNotification(
      EventType.OBJECT_CREATED,
      new LambdaDestination(this.function),
      { prefix: avatarBucket.uploadsPrefix },
    );
  }
}
