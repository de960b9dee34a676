import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { avatarBucket } from '../../shared/storage/bucket-definition.js';
import { environmentVariables } from './environment-variables.js';

export interface AvatarBucketProps {
  destroyable: boolean;
  /** Origins allowed to post presigned uploads; the bucket definition's when empty. */
  corsOrigins: string[];
}

type Prefix = typeof avatarBucket.uploadsPrefix | typeof avatarBucket.avatarsPrefix;

/**
 * The private avatars bucket of shared/storage/bucket-definition.ts, and the narrow
 * grants each kind of function gets on it.
 */
export class AvatarBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AvatarBucketProps) {
    super(scope, id);
    const { cors } = avatarBucket;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      cors: [{
        allowedMethods: cors.allowedMethods.map((method) => HttpMethods[method]),
        allowedOrigins: props.corsOrigins.length > 0 ? props.corsOrigins : [...cors.allowedOrigins],
        allowedHeaders: [...cors.allowedHeaders],
        maxAge: cors.maxAgeSeconds,
      }],
      lifecycleRules: [{
        prefix: avatarBucket.uploadsPrefix,
        expiration: Duration.days(1),
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      }],
      removalPolicy: props.destroyable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      autoDeleteObjects: props.destroyable,
    });
  }

  /** Names the bucket in the function's environment; every function that builds avatar links needs it. */
  addToEnvironment(fn: LambdaFunction): void {
    fn.addEnvironment(environmentVariables.avatarsBucket, this.bucket.bucketName);
  }

  /** Raw uploads only: the multipart avatar part and presigned POSTs signed with the function's role. */
  grantWriteUploads(grantee: IGrantable): void {
    this.allow(grantee, ['s3:PutObject'], [avatarBucket.uploadsPrefix]);
  }

  /** Removing a user's published avatars and pending uploads. */
  grantDeleteAvatars(grantee: IGrantable): void {
    this.allowListing(grantee, [avatarBucket.avatarsPrefix, avatarBucket.uploadsPrefix]);
    this.allow(grantee, ['s3:DeleteObject'], [avatarBucket.avatarsPrefix, avatarBucket.uploadsPrefix]);
  }

  /**
   * The resize pipeline: reads and removes raw uploads, publishes and replaces avatars.
   * Listing `uploads/` turns a repeated event for a removed upload into 404 instead of 403.
   */
  grantResize(grantee: IGrantable): void {
    this.allowListing(grantee, [avatarBucket.uploadsPrefix]);
    this.allow(grantee, ['s3:GetObject', 's3:DeleteObject'], [avatarBucket.uploadsPrefix]);
    this.allow(grantee, ['s3:PutObject', 's3:DeleteObject'], [avatarBucket.avatarsPrefix]);
  }

  private allow(grantee: IGrantable, actions: string[], prefixes: Prefix[]): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({
      actions,
      resources: prefixes.map((prefix) => this.bucket.arnForObjects(`${prefix}*`)),
    }));
  }

  private allowListing(grantee: IGrantable, prefixes: Prefix[]): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [this.bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': prefixes.map((prefix) => `${prefix}*`) } },
    }));
  }
}
