import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { SignJWT, importPKCS8, importSPKI, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { handleKeyPairEvent } from '../../infra/signing-keys/handler.js';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:SigningKeysPrivateKey-abc123';

const eventOf = (RequestType: 'Create' | 'Update' | 'Delete', Version = '1') => ({
  RequestType,
  PhysicalResourceId: SECRET_ARN,
  ResourceProperties: { ServiceToken: 'token', SecretArn: SECRET_ARN, Version },
}) as unknown as CloudFormationCustomResourceEvent;

/** Records what the handler would write to Secrets Manager. */
function secretStore() {
  const writes: { secretArn: string; privateKey: string }[] = [];
  return { writes, store: async (secretArn: string, privateKey: string) => { writes.push({ secretArn, privateKey }); } };
}

describe('signing key pair custom resource', () => {
  it('stores a PKCS#8 private key in the secret and answers only the matching SPKI public key', async () => {
    // Prepare
    const { writes, store } = secretStore();
    // Act
    const result = await handleKeyPairEvent(eventOf('Create'), store);
    // Assess
    expect(writes).toHaveLength(1);
    expect(writes[0]!.secretArn).toBe(SECRET_ARN);
    expect(writes[0]!.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(result.PhysicalResourceId).toBe(SECRET_ARN);
    expect(Object.keys(result.Data!)).toEqual(['PublicKey']);
    expect(result.Data!.PublicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const token = await new SignJWT({ sub: '7' }).setProtectedHeader({ alg: 'ES256' })
      .sign(await importPKCS8(writes[0]!.privateKey, 'ES256'));
    const { payload } = await jwtVerify(token, await importSPKI(result.Data!.PublicKey, 'ES256'));
    expect(payload.sub).toBe('7');
  });

  it('makes a new pair on update, which is how a new signingKeyVersion rotates the key', async () => {
    const { writes, store } = secretStore();
    const created = await handleKeyPairEvent(eventOf('Create'), store);
    const updated = await handleKeyPairEvent(eventOf('Update', '2'), store);
    expect(updated.PhysicalResourceId).toBe(SECRET_ARN);
    expect(updated.Data!.PublicKey).not.toBe(created.Data!.PublicKey);
    expect(writes[1]!.privateKey).not.toBe(writes[0]!.privateKey);
  });

  it('leaves the secret to CloudFormation on delete', async () => {
    const { writes, store } = secretStore();
    const result = await handleKeyPairEvent(eventOf('Delete'), store);
    expect(result).toEqual({ PhysicalResourceId: SECRET_ARN });
    expect(writes).toEqual([]);
  });
});
