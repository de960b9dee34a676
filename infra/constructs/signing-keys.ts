import { CustomResource, Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { environmentVariables } from './environment-variables.js';
import { NodeFunction, type FunctionDefaults } from './node-function.js';

export interface SigningKeysProps {
  defaults: FunctionDefaults;
  /** Changing it generates a new key pair on the next deploy, which ends every session. */
  version: string;
}

/**
 * The ES256 key pair that signs JWTs, made by the stack itself: the private key lives
 * only in a Secrets Manager secret, the public key is a custom resource attribute.
 */
export class SigningKeys extends Construct {
  readonly secret: Secret;
  readonly publicKey: string;

  constructor(scope: Construct, id: string, props: SigningKeysProps) {
    super(scope, id);
    this.secret = new Secret(this, 'PrivateKey', {
      description: 'PKCS#8 PEM private key that signs the API tokens (written by the KeyPair custom resource)',
    });
    const onEvent = new NodeFunction(this, 'KeyPairHandler', {
      entry: 'infra/signing-keys/handler.ts',
      defaults: props.defaults,
      memoryMb: 256,
      timeout: Duration.seconds(30),
    });
    onEvent.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:PutSecretValue'], resources: [this.secret.secretArn] }));
    const provider = new Provider(this, 'KeyPairProvider', { onEventHandler: onEvent });
    const keyPair = new CustomResource(this, 'KeyPair', {
      serviceToken: provider.serviceToken,
      properties: { SecretArn: this.secret.secretArn, Version: props.version },
    });
    this.publicKey = keyPair.getAttString('PublicKey');
  }

  /** Every function verifies tokens with the public key. */
  addPublicKeyToEnvironment(fn: LambdaFunction): void {
    fn.addEnvironment(environmentVariables.jwtPublicKey, this.publicKey);
  }

  /** Only the functions that mint tokens may read the private key. */
  grantMinting(fn: LambdaFunction): void {
    this.secret.grantRead(fn);
    fn.addEnvironment(environmentVariables.jwtPrivateKeySecretArn, this.secret.secretArn);
  }
}
