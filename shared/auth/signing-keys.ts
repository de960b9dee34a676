import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { importPKCS8, importSPKI, type CryptoKey } from 'jose';
import { config } from '../config.js';

export const SIGNING_ALGORITHM = 'ES256';

let publicKey: Promise<CryptoKey> | undefined;
let privateKey: Promise<CryptoKey> | undefined;

/** The key that verifies tokens; every function has it. */
export function verificationKey(): Promise<CryptoKey> {
  publicKey ??= importSPKI(config.jwtPublicKey(), SIGNING_ALGORITHM);
  return publicKey;
}

/**
 * The key that mints tokens. In AWS only the token functions may read its secret; the
 * local stack hands it over in the environment.
 */
export function signingKey(): Promise<CryptoKey> {
  privateKey ??= readPrivateKeyPem().then((pem) => importPKCS8(pem, SIGNING_ALGORITHM));
  privateKey.catch(() => { privateKey = undefined; });
  return privateKey;
}

async function readPrivateKeyPem(): Promise<string> {
  const inline = config.jwtPrivateKey();
  if (inline) return inline;
  const secretArn = config.jwtPrivateKeySecretArn();
  if (!secretArn) throw new Error('Neither JWT_PRIVATE_KEY nor JWT_PRIVATE_KEY_SECRET_ARN is set');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString) throw new Error('The JWT private key secret is empty');
  return SecretString;
}
