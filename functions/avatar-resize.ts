import { Logger } from '@aws-lambda-powertools/logger';
import type { S3Event } from 'aws-lambda';
import { decodeEventKey } from '../shared/avatars/event-key.js';
import { publishUpload, type UploadOutcome } from '../shared/avatars/publish-upload.js';

const logger = new Logger({ serviceName: 'avatar-resize' });

function logOutcome(outcome: UploadOutcome): void {
  if (outcome.outcome === 'refused') logger.warn('Upload refused', { ...outcome });
  else logger.info(`Upload ${outcome.outcome}`, { ...outcome });
}

/**
 * Runs on ObjectCreated events under `uploads/`. Unusable files are refused without failing;
 * S3 and DynamoDB errors are thrown, so Lambda retries the event.
 */
export async function handler(event: S3Event): Promise<UploadOutcome[]> {
  const outcomes: UploadOutcome[] = [];
  for (const record of event.Records) {
    const key = decodeEventKey(record.s3.object.key);
    const outcome = record.eventName.startsWith('ObjectCreated:')
      ? await publishUpload({
          bucket: record.s3.bucket.name,
          key,
          size: record.s3.object.size,
          uploadedAtMs: Date.parse(record.eventTime),
        })
      : ({ outcome: 'ignored', key } as const);
    logOutcome(outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}
