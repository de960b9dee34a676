/**
 * Names of the variables that shared/config.ts reads, as the stack sets them.
 * test/infra checks that config.ts accepts a function environment built from these.
 */
export const environmentVariables = {
  tableName: 'TABLE_NAME',
  avatarsBucket: 'AVATARS_BUCKET',
  avatarsBaseUrl: 'AVATARS_BASE_URL',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  jwtIssuer: 'JWT_ISSUER',
  jwtAudience: 'JWT_AUDIENCE',
  jwtPublicKey: 'JWT_PUBLIC_KEY',
  jwtPrivateKeySecretArn: 'JWT_PRIVATE_KEY_SECRET_ARN',
} as const;
