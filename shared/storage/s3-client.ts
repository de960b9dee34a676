import { S3Client } from '@aws-sdk/client-s3';
import { config } from '../config.js';

/**
 * One S3 client per container. Checksums only when S3 requires them: presigned requests
 * then carry no checksum of an empty body, and the local S3 stores bodies as sent.
 */
export const s3 = new S3Client({
  endpoint: config.s3Endpoint(),
  forcePathStyle: config.s3Endpoint() !== undefined,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});
