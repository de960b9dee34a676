import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { avatarBucket } from '../shared/storage/bucket-definition.js';
import { Api } from './constructs/http-api.js';
import { AvatarBucket } from './constructs/avatar-bucket.js';
import { AvatarResize } from './constructs/avatar-resize.js';
import { DataTable } from './constructs/data-table.js';
import { ApiDistribution } from './constructs/distribution.js';
import type { FunctionDefaults } from './constructs/node-function.js';
import { ServiceFunctions } from './constructs/service-functions.js';
import { SigningKeys } from './constructs/signing-keys.js';
import { readStackSettings } from './constructs/stack-settings.js';

/** The whole product in AWS; deploy-time choices come from context (docs/deploy.md). */
export class UsersOrganizationsStack extends Stack {
  readonly api: Api;
  readonly services: ServiceFunctions;
  readonly avatarResize: AvatarResize;
  readonly signingKeys: SigningKeys;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const settings = readStackSettings(this);
    const defaults: FunctionDefaults = {
      logRetention: settings.logRetention,
      logRemovalPolicy: settings.destroyable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    };

    const table = new DataTable(this, 'Data', { destroyable: settings.destroyable });
    const avatars = new AvatarBucket(this, 'Avatars', { destroyable: settings.destroyable, corsOrigins: settings.corsOrigins });
    this.signingKeys = new SigningKeys(this, 'SigningKeys', { defaults, version: settings.signingKeyVersion });
    this.api = new Api(this, 'Api', {
      corsOrigins: settings.corsOrigins,
      throttle: settings.throttle,
      tokenThrottle: settings.tokenThrottle,
    });
    const front = new ApiDistribution(this, 'Front', {
      httpApi: this.api.httpApi,
      bucket: avatars.bucket,
      webAclArn: settings.webAclArn,
    });
    this.services = new ServiceFunctions(this, 'Functions', {
      defaults, table, avatars, signingKeys: this.signingKeys, publicUrl: front.url,
    });
    this.api.addRoutes(this.services.routed);
    this.avatarResize = new AvatarResize(this, 'AvatarResize', { defaults, table, avatars, avatarsBaseUrl: front.url });

    new CfnOutput(this, 'ApiUrl', { value: front.url, description: 'Public base URL of the API' });
    new CfnOutput(this, 'AvatarsUrl', { value: `${front.url}/${avatarBucket.avatarsPrefix}`, description: 'Where published avatars are served' });
    new CfnOutput(this, 'TableName', { value: table.table.tableName });
    new CfnOutput(this, 'BucketName', { value: avatars.bucket.bucketName });
  }
}
