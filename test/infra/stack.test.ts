import { readFileSync } from 'node:fs';
import { CfnElement } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NodeFunction } from '../../infra/constructs/node-function.js';
import { stripTrailingSlashSource } from '../../infra/constructs/project-paths.js';
import { createRouter } from '../../infra/local/route-matcher.js';
import { config } from '../../shared/config.js';
import { tableDefinition } from '../../shared/data/table-definition.js';
import { defaultRoute, functions, routes, type FunctionName, type FunctionSpec } from '../../shared/routes.js';
import { avatarBucket } from '../../shared/storage/bucket-definition.js';
import { resourcesOfType, synthesize, type Resource } from './synthesize.js';

const { stack, template } = synthesize();
const resources = template.toJSON().Resources as Record<string, Resource>;

const logicalId = (fn: LambdaFunction) => stack.getLogicalId(fn.node.defaultChild as CfnElement);
const roleOf = (functionId: string) => resources[functionId]!.Properties.Role['Fn::GetAtt'][0] as string;
const functionNames = Object.keys(functions) as FunctionName[];
const specOf = (name: FunctionName): FunctionSpec => functions[name];
const routedId = (name: FunctionName) => logicalId(stack.services.routed[name]);
const environmentOf = (functionId: string) => resources[functionId]!.Properties.Environment.Variables as Record<string, unknown>;

interface Grant { roles: string[]; actions: string[]; resources: unknown[]; condition?: unknown }

/** Every Allow statement of every policy, with the roles it is attached to. */
const grants: Grant[] = resourcesOfType(template, 'AWS::IAM::Policy').flatMap(([, policy]) =>
  (policy.Properties.PolicyDocument.Statement as any[])
    .filter((statement) => statement.Effect === 'Allow')
    .map((statement) => ({
      roles: (policy.Properties.Roles as { Ref: string }[]).map((role) => role.Ref),
      actions: [statement.Action].flat(),
      resources: [statement.Resource].flat(),
      condition: statement.Condition,
    })));
const actionsOfRole = (role: string) => grants.filter((grant) => grant.roles.includes(role)).flatMap((grant) => grant.actions);
const rolesAllowed = (action: string) => new Set(grants.filter((grant) => grant.actions.includes(action)).flatMap((grant) => grant.roles));
const bucketObjects = (prefix: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^AvatarsBucket/), 'Arn'] }, `/${prefix}*`]] });

describe('functions', () => {
  it('creates one Lambda per function of the route table, plus create-user, resize, and CDK helpers', () => {
    // Prepare
    const routedIds = new Set(functionNames.map(routedId));
    // Assess: key pair handler, its provider framework, and the bucket notifications handler are the helpers
    expect(routedIds.size).toBe(functionNames.length);
    for (const id of routedIds) expect(resources[id]!.Type).toBe('AWS::Lambda::Function');
    template.resourceCountIs('AWS::Lambda::Function', functionNames.length + 2 + 3);
  });

  it('runs every product function on Node.js 22, arm64, with source maps, its memory and its own log group', () => {
    const productFunctions = stack.node.findAll().filter((construct) => construct instanceof NodeFunction);
    expect(productFunctions).toHaveLength(functionNames.length + 3);
    for (const fn of productFunctions) {
      const properties = resources[logicalId(fn)]!.Properties;
      expect(properties.Runtime).toBe('nodejs22.x');
      expect(properties.Architectures).toEqual(['arm64']);
      expect(properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
      const logGroup = resources[properties.LoggingConfig.LogGroup.Ref]!;
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(30);
    }
  });

  it('gives each function the memory of its spec, 512 MB otherwise', () => {
    for (const name of functionNames) {
      expect(resources[routedId(name)]!.Properties.MemorySize).toBe(specOf(name).memoryMb ?? 512);
    }
  });

  it('names the table only for functions with table access, and the key secret only for token functions', () => {
    for (const name of functionNames) {
      const environment = environmentOf(routedId(name));
      const spec = specOf(name);
      expect('TABLE_NAME' in environment).toBe(spec.table !== 'none');
      expect('JWT_PRIVATE_KEY_SECRET_ARN' in environment).toBe(spec.mintsTokens === true);
    }
  });

  it('builds public links and avatar URLs from the distribution and verifies tokens with the key pair resource', () => {
    const [distributionId] = resourcesOfType(template, 'AWS::CloudFront::Distribution')[0]!;
    const [keyPairId] = resourcesOfType(template, 'AWS::CloudFormation::CustomResource')[0]!;
    const distributionUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] };
    const environment = environmentOf(routedId('users-list'));
    expect(environment.PUBLIC_BASE_URL).toEqual(distributionUrl);
    expect(environment.AVATARS_BASE_URL).toEqual(distributionUrl);
    expect(environment.JWT_ISSUER).toEqual(distributionUrl);
    expect(environment.JWT_AUDIENCE).toEqual(distributionUrl);
    expect(environment.JWT_PUBLIC_KEY).toEqual({ 'Fn::GetAtt': [keyPairId, 'PublicKey'] });
  });

  describe('environment names agree with shared/config.ts', () => {
    afterEach(() => vi.unstubAllEnvs());

    it('lets config read every variable the stack sets on a token function, and nothing else', () => {
      // Prepare: each variable of the synthesized function gets a value naming it
      const names = Object.keys(environmentOf(routedId('token-obtain'))).filter((name) => name !== 'NODE_OPTIONS');
      for (const name of names) vi.stubEnv(name, `value-of-${name}`);
      // Act
      const read = [
        config.tableName(), config.avatarsBucket(), config.avatarsBaseUrl(), config.publicBaseUrl(),
        config.jwtIssuer(), config.jwtAudience(), config.jwtPublicKey(), config.jwtPrivateKeySecretArn(),
      ];
      // Assess
      expect(read.sort()).toEqual(names.map((name) => `value-of-${name}`).sort());
    });
  });
});

describe('HTTP API', () => {
  const routeResources = resourcesOfType(template, 'AWS::ApiGatewayV2::Route');
  const integrationTarget = (routeKey: string) => {
    const route = routeResources.find(([, resource]) => resource.Properties.RouteKey === routeKey);
    const integrationId = route![1].Properties.Target['Fn::Join'][1][1].Ref as string;
    return resources[integrationId]!.Properties;
  };

  it('has exactly the route keys of the route table plus $default', () => {
    const synthesized = routeResources.map(([, resource]) => resource.Properties.RouteKey).sort();
    expect(synthesized).toEqual([...routes.map((route) => `${route.method} ${route.path}`), '$default'].sort());
  });

  it('sends each route to the Lambda of its function, with payload format 2.0', () => {
    for (const route of routes) {
      const integration = integrationTarget(`${route.method} ${route.path}`);
      expect(integration.IntegrationType).toBe('AWS_PROXY');
      expect(integration.PayloadFormatVersion).toBe('2.0');
      expect(integration.IntegrationUri).toEqual({ 'Fn::GetAtt': [routedId(route.function), 'Arn'] });
    }
    expect(integrationTarget('$default').IntegrationUri).toEqual({ 'Fn::GetAtt': [routedId(defaultRoute.function), 'Arn'] });
  });

  it('agrees with the local gateway: each route row reaches the same route key and Lambda in both', () => {
    // Prepare
    const localRoute = createRouter({ routes, defaultRoute, functions });
    for (const route of routes) {
      // Act
      const local = localRoute(route.method, route.path.replace(/\{[^}]+\}/g, '7'));
      // Assess
      expect(local.routeKey).toBe(`${route.method} ${route.path}`);
      expect(integrationTarget(local.routeKey).IntegrationUri).toEqual({ 'Fn::GetAtt': [routedId(local.functionName as FunctionName), 'Arn'] });
    }
    const unmatched = localRoute('DELETE', '/organizations');
    expect(unmatched.routeKey).toBe('$default');
    expect(integrationTarget(unmatched.routeKey).IntegrationUri).toEqual({ 'Fn::GetAtt': [routedId(unmatched.functionName as FunctionName), 'Arn'] });
  });

  it('shares one Lambda between POST /organizations and POST /organizations/create', () => {
    expect(integrationTarget('POST /organizations/create').IntegrationUri).toEqual(integrationTarget('POST /organizations').IntegrationUri);
  });

  it('throttles every route, and POST /token more strictly', () => {
    const tokenRoute = routes.find((route) => route.function === 'token-obtain')!;
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      RouteSettings: { [`${tokenRoute.method} ${tokenRoute.path}`]: { throttlingRateLimit: 10, throttlingBurstLimit: 20 } },
    });
  });

  it('has no CORS configuration unless origins are given', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });
});

describe('table', () => {
  it('follows shared/data/table-definition.ts, on demand, with PITR, TTL and the INCLUDE index', () => {
    const index = tableDefinition.indexes[0];
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        Replicas: [Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        })],
        GlobalSecondaryIndexes: [{
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.nonKeyAttributes] },
        }],
      }),
    });
  });
});

describe('avatars bucket', () => {
  it('is private, encrypted, and expires raw uploads after a day', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
        },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        LifecycleConfiguration: { Rules: [Match.objectLike({ Prefix: avatarBucket.uploadsPrefix, ExpirationInDays: 1, Status: 'Enabled' })] },
        CorsConfiguration: { CorsRules: [{ AllowedMethods: ['POST'], AllowedOrigins: ['*'], AllowedHeaders: ['*'], MaxAge: 3000 }] },
      }),
    });
  });

  it('refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('sends only objects created under uploads/ to the resize function', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [{
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: avatarBucket.uploadsPrefix }] } },
          LambdaFunctionArn: { 'Fn::GetAtt': [logicalId(stack.avatarResize.function), 'Arn'] },
        }],
      },
    });
  });

  it('retries a failed resize twice, then keeps the event in a queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(stack.avatarResize.function) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [stack.getLogicalId(stack.avatarResize.failures.node.defaultChild as CfnElement), 'Arn'] } } },
    });
  });
});

describe('least privilege', () => {
  const resizeRole = roleOf(logicalId(stack.avatarResize.function));
  const rolesOf = (predicate: (spec: FunctionSpec) => boolean) =>
    new Set(functionNames.filter((name) => predicate(specOf(name))).map((name) => roleOf(routedId(name))));

  it('allows no wildcard action in any policy', () => {
    for (const grant of grants) {
      for (const action of grant.actions) expect(action).not.toMatch(/\*/);
    }
  });

  it('lets no function scan the table, and read-only functions write nothing', () => {
    expect(rolesAllowed('dynamodb:Scan').size).toBe(0);
    const readers = rolesOf((spec) => spec.table === 'read');
    for (const role of readers) {
      expect(actionsOfRole(role).filter((action) => action.startsWith('dynamodb:')).sort())
        .toEqual(['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    }
    expect(rolesAllowed('dynamodb:PutItem')).toEqual(new Set([
      ...rolesOf((spec) => spec.table === 'write'), roleOf(logicalId(stack.services.createUser)), resizeRole,
    ]));
  });

  it('lets only the token functions read the private key secret', () => {
    expect(rolesAllowed('secretsmanager:GetSecretValue')).toEqual(rolesOf((spec) => spec.mintsTokens === true));
  });

  it('lets only the resize function read uploads and publish avatars', () => {
    const readers = grants.filter((grant) => grant.actions.includes('s3:GetObject'));
    expect(readers).toEqual([expect.objectContaining({ roles: [resizeRole], resources: [bucketObjects(avatarBucket.uploadsPrefix)] })]);
    const publishers = grants.filter((grant) => grant.actions.includes('s3:PutObject') && grant.resources.some((resource) => JSON.stringify(resource).includes(`/${avatarBucket.avatarsPrefix}`)));
    expect(publishers.flatMap((grant) => grant.roles)).toEqual([resizeRole]);
  });

  it('lets upload writers put objects under uploads/ only', () => {
    for (const role of rolesOf((spec) => spec.writesUploads === true)) {
      const s3Grants = grants.filter((grant) => grant.roles.includes(role) && grant.actions.some((action) => action.startsWith('s3:')));
      expect(s3Grants).toEqual([expect.objectContaining({ actions: ['s3:PutObject'], resources: [bucketObjects(avatarBucket.uploadsPrefix)] })]);
    }
  });

  it('lets avatar deleters list and delete under avatars/ and uploads/ only', () => {
    for (const role of rolesOf((spec) => spec.deletesAvatars === true)) {
      const s3Grants = grants.filter((grant) => grant.roles.includes(role) && grant.actions.some((action) => action.startsWith('s3:')));
      expect(s3Grants).toEqual([
        expect.objectContaining({ actions: ['s3:ListBucket'], condition: { StringLike: { 's3:prefix': ['avatars/*', 'uploads/*'] } } }),
        expect.objectContaining({ actions: ['s3:DeleteObject'], resources: [bucketObjects('avatars/'), bucketObjects('uploads/')] }),
      ]);
    }
  });
});

describe('signing keys', () => {
  it('makes the key pair with the stack, writing into its own secret, versioned by context', () => {
    const [secretId] = resourcesOfType(template, 'AWS::SecretsManager::Secret')[0]!;
    template.hasResourceProperties('AWS::CloudFormation::CustomResource', { SecretArn: { Ref: secretId }, Version: '1' });
    const writers = grants.filter((grant) => grant.actions.includes('secretsmanager:PutSecretValue'));
    expect(writers).toEqual([expect.objectContaining({ actions: ['secretsmanager:PutSecretValue'], resources: [{ Ref: secretId }] })]);
  });
});

describe('distribution', () => {
  const [distributionId, distribution] = resourcesOfType(template, 'AWS::CloudFront::Distribution')[0]!;
  const distributionConfig = distribution.Properties.DistributionConfig;
  const [functionId, cloudFrontFunction] = resourcesOfType(template, 'AWS::CloudFront::Function')[0]!;

  it('sends everything but avatars to the API, uncached, with every viewer header but Host', () => {
    expect(distributionConfig.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      ViewerProtocolPolicy: 'https-only',
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } }],
    });
    const apiOrigin = distributionConfig.Origins.find((origin: any) => origin.Id === distributionConfig.DefaultCacheBehavior.TargetOriginId);
    expect(apiOrigin.DomainName).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [stack.getLogicalId(stack.api.httpApi.node.defaultChild as CfnElement), 'ApiEndpoint'] }] }] });
  });

  it('serves avatars from the bucket through origin access control, cached, without the slash function', () => {
    const [avatars] = distributionConfig.CacheBehaviors;
    expect(distributionConfig.CacheBehaviors).toHaveLength(1);
    expect(avatars.PathPattern).toBe(`/${avatarBucket.avatarsPrefix}*`);
    expect(avatars.FunctionAssociations).toBeUndefined();
    const cachePolicy = resources[avatars.CachePolicyId.Ref]!;
    expect(cachePolicy.Properties.CachePolicyConfig.DefaultTTL).toBe(7 * 24 * 3600);
    const bucketOrigin = distributionConfig.Origins.find((origin: any) => origin.Id === avatars.TargetOriginId);
    expect(bucketOrigin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] });
  });

  it('may read published avatars from the bucket, and nothing else there', () => {
    const [, bucketPolicy] = resourcesOfType(template, 'AWS::S3::BucketPolicy')[0]!;
    const allowed = (bucketPolicy.Properties.PolicyDocument.Statement as any[]).filter((statement) => statement.Effect === 'Allow');
    expect(allowed).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: bucketObjects(avatarBucket.avatarsPrefix),
      Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: distributionId }]] } } },
    }]);
  });

  it('runs the trailing slash function from its source file on the 2.0 runtime', () => {
    expect(cloudFrontFunction.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(cloudFrontFunction.Properties.FunctionCode).toBe(readFileSync(new URL(`../../${stripTrailingSlashSource}`, import.meta.url), 'utf8'));
  });

  it('has no web ACL unless one is given', () => {
    expect(distributionConfig.WebACLId).toBeUndefined();
  });

  it('is the public URL of the stack outputs', () => {
    const url = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] };
    template.hasOutput('ApiUrl', { Value: url });
    template.hasOutput('AvatarsUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, `/${avatarBucket.avatarsPrefix}`]] } });
    template.hasOutput('TableName', { Value: { Ref: Match.stringLikeRegexp('^DataTable') } });
    template.hasOutput('BucketName', { Value: { Ref: Match.stringLikeRegexp('^AvatarsBucket') } });
  });
});

describe('template', () => {
  it('synthesizes without warnings', () => {
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  it('has no circular dependency between resources', () => {
    // Prepare: edges from Ref, Fn::GetAtt and DependsOn
    const dependencies = (value: unknown, found = new Set<string>()): Set<string> => {
      if (Array.isArray(value)) value.forEach((item) => dependencies(item, found));
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'Ref' && typeof inner === 'string' && inner in resources) found.add(inner);
          else if (key === 'Fn::GetAtt') found.add((inner as string[])[0]!);
          else dependencies(inner, found);
        }
      }
      return found;
    };
    const edges = new Map(Object.entries(resources).map(([id, resource]) =>
      [id, new Set([...dependencies(resource.Properties), ...(resource.DependsOn ?? [])])]));
    // Act: depth-first search for a back edge
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (id: string, path: string[]) => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') { cycles.push([...path, id].join(' -> ')); return; }
      state.set(id, 'visiting');
      for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
      state.set(id, 'done');
    };
    for (const id of edges.keys()) visit(id, []);
    // Assess
    expect(cycles).toEqual([]);
  });
});
