import type { S3Event, S3EventRecord } from 'aws-lambda';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { avatarBucket } from '../../shared/storage/bucket-definition.js';
import { encodeEventKey } from '../../shared/avatars/event-key.js';

interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  resetOnClose: boolean;
  configureBuckets: { name: string; configs: string[] }[];
}

interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: S3Event) => void): void;
}

// s3rver ships no type declarations.
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: S3rverOptions) => S3rverServer;

export interface LocalS3 {
  /** `http://127.0.0.1:<port>`; objects are at `<endpoint>/<bucket>/<key>` (path style). */
  endpoint: string;
  /** Resolves once every event delivered so far has been handled. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

function corsXml(): string {
  const { allowedOrigins, allowedMethods, allowedHeaders, maxAgeSeconds } = avatarBucket.cors;
  const rule = [
    ...allowedOrigins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`),
    ...allowedMethods.map((method) => `<AllowedMethod>${method}</AllowedMethod>`),
    ...allowedHeaders.map((header) => `<AllowedHeader>${header}</AllowedHeader>`),
    `<MaxAgeSeconds>${maxAgeSeconds}</MaxAgeSeconds>`,
  ].join('');
  return `<CORSConfiguration><CORSRule>${rule}</CORSRule></CORSConfiguration>`;
}

/** s3rver's record with what real S3 sends instead: an encoded key, version 2.1 and a valid ARN. */
export function asDeliveredByS3(record: S3EventRecord): S3EventRecord {
  const bucket = record.s3.bucket.name;
  return {
    ...record,
    eventVersion: '2.1',
    s3: {
      ...record.s3,
      bucket: { ...record.s3.bucket, arn: `arn:aws:s3:::${bucket}` },
      object: { ...record.s3.object, key: encodeEventKey(record.s3.object.key) },
    },
  };
}

/** The avatars bucket's notification: ObjectCreated under `uploads/` only. Other buckets notify nobody. */
function triggersAvatarResize(record: S3EventRecord, bucketName: string): boolean {
  return (
    record.s3.bucket.name === bucketName &&
    record.eventName.startsWith('ObjectCreated:') &&
    record.s3.object.key.startsWith(avatarBucket.uploadsPrefix)
  );
}

async function resizeAvatar(record: S3EventRecord): Promise<void> {
  const { handler } = await import('../../functions/avatar-resize.js');
  await handler({ Records: [asDeliveredByS3(record)] });
}

/**
 * The local S3: s3rver with the avatars bucket, whose ObjectCreated events under `uploads/`
 * reach the avatar resize function one after another, as the bucket notification does in AWS.
 */
export async function startLocalS3(opts: { directory: string; bucketName: string; persist: boolean }): Promise<LocalS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: opts.directory,
    resetOnClose: !opts.persist,
    configureBuckets: [{ name: opts.bucketName, configs: [corsXml()] }],
  });

  let deliveries = Promise.resolve();
  server.on('event', (event) => {
    for (const record of event.Records.filter((record) => triggersAvatarResize(record, opts.bucketName))) {
      deliveries = deliveries.then(() =>
        resizeAvatar(record).catch((error: unknown) => {
          console.error(`avatar-resize failed for ${record.s3.object.key}:`, error);
        }),
      );
    }
  });

  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    settled: () => deliveries,
    async stop() {
      await deliveries;
      await server.close();
    },
  };
}
