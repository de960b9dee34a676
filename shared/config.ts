/**
 * Settings read from the environment. The CDK stack and the local stack set the same
 * variables; nothing else in the product reads process.env.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number of seconds`);
  return value;
}

export const config = {
  tableName: () => required('TABLE_NAME'),
  avatarsBucket: () => required('AVATARS_BUCKET'),
  /** Public base URL that serves `avatars/...` keys without credentials. */
  avatarsBaseUrl: () => required('AVATARS_BASE_URL').replace(/\/+$/, ''),
  /** Public base URL of the API (the CloudFront distribution); links are built from the request otherwise. */
  publicBaseUrl: () => process.env.PUBLIC_BASE_URL?.replace(/\/+$/, '') || undefined,
  /** Local stack only: endpoints of DynamoDB Local and the local S3. */
  dynamodbEndpoint: () => process.env.DYNAMODB_ENDPOINT || undefined,
  s3Endpoint: () => process.env.S3_ENDPOINT || undefined,
  jwtIssuer: () => process.env.JWT_ISSUER || 'users-organizations-api',
  jwtAudience: () => process.env.JWT_AUDIENCE || 'users-organizations-api',
  /** PEM (SPKI) public key that verifies tokens; every function has it. */
  jwtPublicKey: () => required('JWT_PUBLIC_KEY'),
  /** PEM (PKCS#8) private key, local stack only; in AWS the token functions read it from Secrets Manager. */
  jwtPrivateKey: () => process.env.JWT_PRIVATE_KEY || undefined,
  jwtPrivateKeySecretArn: () => process.env.JWT_PRIVATE_KEY_SECRET_ARN || undefined,
  accessTokenTtlSeconds: () => seconds('ACCESS_TOKEN_TTL_SECONDS', 15 * 60),
  refreshTokenTtlSeconds: () => seconds('REFRESH_TOKEN_TTL_SECONDS', 24 * 60 * 60),
  bcryptCost: () => seconds('BCRYPT_COST', 10),
};
