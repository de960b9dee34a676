import { Annotations, Duration, Fn } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods, CachePolicy, Distribution, FunctionCode, FunctionEventType, FunctionRuntime,
  Function as CloudFrontFunction, OriginProtocolPolicy, OriginRequestPolicy, ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { avatarBucket } from '../../shared/storage/bucket-definition.js';
import { fromProjectRoot, stripTrailingSlashSource } from './project-paths.js';

export interface ApiDistributionProps {
  httpApi: HttpApi;
  bucket: IBucket;
  webAclArn?: string;
}

/** The public front door: the API, and the published avatars from the private bucket. */
export class ApiDistribution extends Construct {
  readonly distribution: Distribution;
  /** `https://<distribution domain>`, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiDistributionProps) {
    super(scope, id);
    const stripTrailingSlash = new CloudFrontFunction(this, 'StripTrailingSlash', {
      code: FunctionCode.fromFile({ filePath: fromProjectRoot(stripTrailingSlashSource) }),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'HTTP API routes cannot end in a slash: /users/ is routed as /users',
    });
    // Avatar names are random and never reused, so a published file can stay cached.
    const avatarCaching = new CachePolicy(this, 'AvatarCaching', {
      comment: 'Published avatars: immutable names',
      defaultTtl: Duration.days(7),
      minTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: false,
      enableAcceptEncodingBrotli: false,
    });
    // CloudFront's own origin grant would cover every key, uploads included. The origin gets an
    // imported view of the bucket instead, and the grant below covers published avatars only.
    const bucketView = Bucket.fromBucketAttributes(this, 'AvatarsView', {
      bucketArn: props.bucket.bucketArn,
      bucketRegionalDomainName: props.bucket.bucketRegionalDomainName,
    });
    Annotations.of(this).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      'The distribution is granted avatars/* explicitly',
    );
    // apiEndpoint is https://<id>.execute-api.<region>.amazonaws.com; the origin wants the host only.
    const apiHost = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Users and organizations API and avatars',
      defaultBehavior: {
        origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        functionAssociations: [{ function: stripTrailingSlash, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [`/${avatarBucket.avatarsPrefix}*`]: {
          origin: S3BucketOrigin.withOriginAccessControl(bucketView),
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: avatarCaching,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        },
      },
      webAclId: props.webAclArn,
    });
    props.bucket.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
      actions: ['s3:GetObject'],
      resources: [props.bucket.arnForObjects(`${avatarBucket.avatarsPrefix}*`)],
      conditions: { StringEquals: { 'AWS:SourceArn': this.distribution.distributionArn } },
    }));
    this.url = `https://${this.distribution.distributionDomainName}`;
  }
}
