import type { S3EventRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { asDeliveredByS3 } from '../../infra/local/s3-local.js';

/** A record as s3rver 3.7.1 emits it: raw key, event version 2.0, a malformed ARN. */
const s3rverRecord: S3EventRecord = {
  eventVersion: '2.0',
  eventSource: 'aws:s3',
  awsRegion: 'us-east-1',
  eventTime: '2026-12-03T10:00:00.123Z',
  eventName: 'ObjectCreated:Post',
  userIdentity: { principalId: 'AWS:0F4CA5C3B0B1E0C2A7B9D' },
  requestParameters: { sourceIPAddress: '127.0.0.1' },
  responseElements: { 'x-amz-request-id': '7B6AE0C1F8D2A934', 'x-amz-id-2': 'n3yWq7fZbV0sBq0S3WkM2zj0q2m1bYtY4g0L6yqGQ1E=' },
  s3: {
    s3SchemaVersion: '1.0',
    configurationId: 'testConfigId',
    bucket: { name: 'avatars', ownerIdentity: { principalId: '3C0D8A9B1E2F4A' }, arn: 'arn:aws:s3: : :avatars' },
    object: { key: 'uploads/7/my photo ünï+€.jpg', size: 1234, eTag: '"b1946ac92492d2347c6235b4d2611184"', sequencer: '18F3A6B2C11' },
  },
};

describe('local S3 event delivery', () => {
  it('hands the resize function records shaped as S3 sends them', () => {
    const delivered = asDeliveredByS3(s3rverRecord);

    expect(delivered).toEqual({
      ...s3rverRecord,
      eventVersion: '2.1',
      s3: {
        ...s3rverRecord.s3,
        bucket: { ...s3rverRecord.s3.bucket, arn: 'arn:aws:s3:::avatars' },
        object: { ...s3rverRecord.s3.object, key: 'uploads/7/my+photo+%C3%BCn%C3%AF%2B%E2%82%AC.jpg' },
      },
    });
  });
});
