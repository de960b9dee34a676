/** The avatars bucket's layout and limits, read by the CDK stack, the local stack and the functions. */
export const avatarBucket = {
  /** Raw client uploads; only these trigger the resize function. */
  uploadsPrefix: 'uploads/',
  /** Published, resized avatars; public through CloudFront (locally, the local S3). */
  avatarsPrefix: 'avatars/',
  /** Presigned POST limit, also enforced by the resize function. */
  maxUploadBytes: 10 * 1024 * 1024,
  /** Multipart `avatar` part limit (the Lambda request payload limit). */
  maxMultipartAvatarBytes: 5 * 1024 * 1024,
  presignedPostExpiresSeconds: 300,
  /** Browsers post presigned forms straight to the bucket. */
  cors: { allowedMethods: ['POST'], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAgeSeconds: 3000 },
} as const;
