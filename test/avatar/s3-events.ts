import type { S3Event, S3EventRecord } from 'aws-lambda';
import { encodeEventKey } from '../../shared/avatars/event-key.js';

/**
 * An S3 event notification as a bucket sends it to Lambda (event version 2.1, the key URL-encoded),
 * following the sample in the S3 user guide.
 */
export function s3Event(
  bucket: string,
  key: string,
  opts: { size: number; eventTime?: Date; eventName?: string },
): S3Event {
  const record: S3EventRecord = {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: (opts.eventTime ?? new Date()).toISOString(),
    eventName: opts.eventName ?? 'ObjectCreated:Post',
    userIdentity: { principalId: 'AWS:AIDAJDPLRKLG7UEXAMPLE' },
    requestParameters: { sourceIPAddress: '198.51.100.7' },
    responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'avatar-uploads',
      bucket: { name: bucket, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${bucket}` },
      object: { key: encodeEventKey(key), size: opts.size, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '0055AED6DCD90281E5' },
    },
  };
  return { Records: [record] };
}
