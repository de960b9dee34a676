import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { generateSigningKeyPair } from './key-pair.js';

export interface KeyPairResourceResult {
  PhysicalResourceId: string;
  Data?: { PublicKey: string };
}

export type PrivateKeyStore = (secretArn: string, privateKey: string) => Promise<void>;

/**
 * Custom resource `onEvent`: Create and Update (a new `Version` or secret) make a fresh
 * pair, store the private key in the stack's secret and answer the public key only.
 * Delete leaves the secret to CloudFormation.
 */
export async function handleKeyPairEvent(
  event: CloudFormationCustomResourceEvent,
  storePrivateKey: PrivateKeyStore,
): Promise<KeyPairResourceResult> {
  const secretArn: string = event.ResourceProperties.SecretArn;
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const { publicKey, privateKey } = generateSigningKeyPair();
  await storePrivateKey(secretArn, privateKey);
  return { PhysicalResourceId: secretArn, Data: { PublicKey: publicKey } };
}

const secretsManager = new SecretsManagerClient({});

const putSecretValue: PrivateKeyStore = async (secretArn, privateKey) => {
  await secretsManager.send(new PutSecretValueCommand({ SecretId: secretArn, SecretString: privateKey }));
};

export const handler = (event: CloudFormationCustomResourceEvent) => handleKeyPairEvent(event, putSecretValue);
