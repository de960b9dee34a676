import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { readStackSettings } from '../../infra/constructs/stack-settings.js';
import { synthesize } from './synthesize.js';

const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/api/0f5a1b2c-3d4e-5f60-7a8b-9c0d1e2f3a4b';

// Context as the command line passes it: every value a string.
const { template } = synthesize({
  destroyable: 'true',
  corsOrigins: 'https://app.example.com, https://admin.example.com',
  webAclArn: WEB_ACL_ARN,
  signingKeyVersion: '2',
  throttleRateLimit: '50',
  throttleBurstLimit: '80',
  tokenThrottleRateLimit: '2',
  tokenThrottleBurstLimit: '4',
});
const ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

describe('context settings', () => {
  it('destroyable=true makes a throwaway stack', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })] }),
    });
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 1);
  });

  it('corsOrigins opens the API and the bucket to those origins only', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ORIGINS, AllowMethods: ['*'] }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ORIGINS })] },
    });
  });

  it('webAclArn attaches the web ACL to the distribution', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: Match.objectLike({ WebACLId: WEB_ACL_ARN }) });
  });

  it('signingKeyVersion is a property of the key pair resource, so changing it makes a new pair', () => {
    template.hasResourceProperties('AWS::CloudFormation::CustomResource', { Version: '2' });
  });

  it('throttle limits come from context', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 80 },
      RouteSettings: { 'POST /token': { throttlingRateLimit: 2, throttlingBurstLimit: 4 } },
    });
  });

  it('refuses values it cannot use', () => {
    expect(() => readStackSettings(new App({ context: { throttleRateLimit: 'many' } })))
      .toThrow('Context throttleRateLimit must be a positive number, got many');
    expect(() => readStackSettings(new App({ context: { logRetentionDays: '4' } })))
      .toThrow(/^Context logRetentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90,/);
  });
});
