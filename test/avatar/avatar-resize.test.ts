/**
 * The resize function called with S3 events in the shape S3 sends them, against the local S3
 * and DynamoDB Local. Uploads go to a bucket without notifications, so each test decides which
 * events the function sees and in what order.
 */
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadOutcome } from '../../shared/avatars/publish-upload.js';
import * as images from './images.js';
import { describeAvatar } from './inspect.js';
import { s3Event } from './s3-events.js';
import { newUserId, startAvatarTestBed, type AvatarTestBed } from './test-bed.js';

const AVATAR_KEY = /^avatars\/(\d+)\/[a-zA-Z0-9]{22}\.jpg$/;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

let bed: AvatarTestBed;
let handler: (event: S3Event) => Promise<UploadOutcome[]>;

beforeAll(async () => {
  bed = await startAvatarTestBed();
  ({ handler } = await import('../../functions/avatar-resize.js'));
});

afterAll(() => bed?.stop());

let uploadCounter = 0;

/** Stores an upload in the quiet bucket and returns the event S3 would send for it. */
async function upload(userId: number, body: Buffer, opts: { name?: string; eventTime?: Date } = {}) {
  const key = `uploads/${userId}/${opts.name ?? `upload${++uploadCounter}`}`;
  await bed.putObject(bed.quietBucket, key, body);
  return { key, event: s3Event(bed.quietBucket, key, { size: body.length, eventTime: opts.eventTime }) };
}

async function avatarOf(userId: number): Promise<string | undefined> {
  return (await bed.userItem(userId))?.avatarKey as string | undefined;
}

/** A user whose avatar is already published from an earlier upload. */
async function userWithAvatar(): Promise<{ userId: number; avatarKey: string }> {
  const userId = newUserId();
  await bed.createUser(userId);
  const { event } = await upload(userId, await images.squareJpeg(), { eventTime: new Date(Date.now() - 60_000) });
  await handler(event);
  return { userId, avatarKey: (await avatarOf(userId))! };
}

describe('avatar-resize', () => {
  it.each([
    ['landscape-1600x900.jpg', 200, 113, images.landscapeJpeg],
    ['portrait-exif-orientation6.jpg', 133, 200, images.sidewaysJpeg],
    ['gps-exif.jpg', 200, 150, images.gpsJpeg],
    ['transparent-square.png', 200, 200, images.transparentSquarePng],
    ['tiny-50x30.png', 50, 30, images.tinyPng],
    ['square-200x200.jpg', 200, 200, images.squareJpeg],
    ['photo-640x480.webp', 200, 150, images.photoWebp],
    ['an AVIF photo', 200, 150, images.photoAvif],
    ['a TIFF photo', 200, 150, images.photoTiff],
    ['an animated GIF', 200, 100, images.animatedGif],
    ['a CMYK JPEG', 200, 133, images.cmykJpeg],
    ['a 4000x10 PNG', 200, 1, images.wideStripPng],
  ])('publishes %s as a %dx%d JPEG and deletes the upload', async (_name, width, height, make) => {
    const userId = newUserId();
    await bed.createUser(userId);
    const eventTime = new Date();
    const { key, event } = await upload(userId, await make(), { eventTime });

    const outcomes = await handler(event);

    const avatarKey = await avatarOf(userId);
    expect(avatarKey).toMatch(AVATAR_KEY);
    expect(outcomes).toEqual([{ outcome: 'published', key, userId, avatarKey }]);
    expect((await bed.userItem(userId))?.avatarUploadedAt).toBe(eventTime.getTime());
    expect(await describeAvatar((await bed.getObject(bed.quietBucket, avatarKey!))!)).toMatchObject({
      format: 'jpeg',
      width,
      height,
      hasExif: false,
      hasXmp: false,
    });
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([]);
    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([avatarKey]);
  });

  it('replaces the previous avatar and deletes its file', async () => {
    const { userId, avatarKey: previousKey } = await userWithAvatar();
    const { key, event } = await upload(userId, await images.photoWebp());

    const outcomes = await handler(event);

    const avatarKey = await avatarOf(userId);
    expect(avatarKey).not.toBe(previousKey);
    expect(outcomes).toEqual([{ outcome: 'published', key, userId, avatarKey, previousKey }]);
    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([avatarKey]);
  });

  it.each([
    ['huge-12000x12000.png', 'too-many-pixels', images.hugePng],
    ['not-an-image.jpg', 'unsupported-format', images.notAnImage],
    ['truncated.jpg', 'undecodable', images.truncatedJpeg],
    ['an SVG', 'unsupported-format', images.svg],
    ['a HEIC header', 'unsupported-format', images.heicHeader],
  ])('refuses %s (%s): upload deleted, avatar unchanged, no failure', async (_name, reason, make) => {
    const { userId, avatarKey } = await userWithAvatar();
    const itemBefore = await bed.userItem(userId);
    const { key, event } = await upload(userId, await make());

    const outcomes = await handler(event);

    expect(outcomes).toEqual([{ outcome: 'refused', key, reason, detail: expect.any(String) }]);
    expect(await bed.userItem(userId)).toEqual(itemBefore);
    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([avatarKey]);
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('refuses an object over 10 MiB by the size in the event, without reading it', async () => {
    const { userId, avatarKey } = await userWithAvatar();
    const { key, event } = await upload(userId, Buffer.alloc(MAX_UPLOAD_BYTES + 1));

    const outcomes = await handler(event);

    expect(outcomes).toEqual([{ outcome: 'refused', key, reason: 'too-large', detail: `over ${MAX_UPLOAD_BYTES} bytes` }]);
    expect(await avatarOf(userId)).toBe(avatarKey);
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('refuses an object that grew over 10 MiB after its event', async () => {
    const { userId, avatarKey } = await userWithAvatar();
    const { key } = await upload(userId, Buffer.alloc(MAX_UPLOAD_BYTES + 1));

    const outcomes = await handler(s3Event(bed.quietBucket, key, { size: 1000 }));

    expect(outcomes).toEqual([{ outcome: 'refused', key, reason: 'too-large', detail: `over ${MAX_UPLOAD_BYTES} bytes` }]);
    expect(await avatarOf(userId)).toBe(avatarKey);
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('decodes keys with spaces, +, % and non-ASCII characters', async () => {
    const userId = newUserId();
    await bed.createUser(userId);
    const { key, event } = await upload(userId, await images.tinyPng(), { name: 'my photo+1 100% ünï€.png' });
    expect(event.Records[0]!.s3.object.key).toBe(`uploads/${userId}/my+photo%2B1+100%25+%C3%BCn%C3%AF%E2%82%AC.png`);

    const outcomes = await handler(event);

    expect(outcomes).toEqual([{ outcome: 'published', key, userId, avatarKey: await avatarOf(userId) }]);
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('changes nothing more when the same event comes twice', async () => {
    const userId = newUserId();
    await bed.createUser(userId);
    const { key, event } = await upload(userId, await images.landscapeJpeg());
    await handler(event);
    const itemAfterFirst = await bed.userItem(userId);

    const outcomes = await handler(event);

    expect(outcomes).toEqual([{ outcome: 'discarded', key, reason: 'upload-gone' }]);
    expect(await bed.userItem(userId)).toEqual(itemAfterFirst);
    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([itemAfterFirst?.avatarKey]);
  });

  it('discards a replayed event whose upload is there again (same upload time)', async () => {
    const userId = newUserId();
    await bed.createUser(userId);
    const body = await images.landscapeJpeg();
    const { key, event } = await upload(userId, body, { name: 'again' });
    await handler(event);
    const itemAfterFirst = await bed.userItem(userId);
    await upload(userId, body, { name: 'again' });

    const outcomes = await handler(event);

    expect(outcomes).toEqual([{ outcome: 'discarded', key, reason: 'stale' }]);
    expect(await bed.userItem(userId)).toEqual(itemAfterFirst);
    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([itemAfterFirst?.avatarKey]);
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('keeps the newer avatar when an older upload is handled after it', async () => {
    const userId = newUserId();
    await bed.createUser(userId);
    const older = await upload(userId, await images.tinyPng(), { eventTime: new Date(Date.now() - 5_000) });
    const newer = await upload(userId, await images.squareJpeg(), { eventTime: new Date() });
    await handler(newer.event);
    const itemAfterNewer = await bed.userItem(userId);

    const outcomes = await handler(older.event);

    expect(outcomes).toEqual([{ outcome: 'discarded', key: older.key, reason: 'stale' }]);
    expect(await bed.userItem(userId)).toEqual(itemAfterNewer);
    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([itemAfterNewer?.avatarKey]);
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('discards an upload for a user that does not exist, leaving no files and no item', async () => {
    const userId = newUserId();
    const { key, event } = await upload(userId, await images.squareJpeg());

    const outcomes = await handler(event);

    expect(outcomes).toEqual([{ outcome: 'discarded', key, reason: 'no-user' }]);
    expect(await bed.userItem(userId)).toBeUndefined();
    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([]);
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('refuses and deletes an upload outside the uploads/{userId}/{name} layout', async () => {
    const key = 'uploads/not-a-user/photo.jpg';
    await bed.putObject(bed.quietBucket, key, await images.squareJpeg());

    const outcomes = await handler(s3Event(bed.quietBucket, key, { size: 100 }));

    expect(outcomes).toEqual([{ outcome: 'refused', key, reason: 'bad-key', detail: 'expected uploads/{userId}/{name}' }]);
    expect(await bed.listKeys(bed.quietBucket, 'uploads/not-a-user/')).toEqual([]);
  });

  it('never touches objects outside uploads/ nor handles removal events', async () => {
    const { userId, avatarKey } = await userWithAvatar();
    const { key } = await upload(userId, await images.squareJpeg());

    const outcomes = [
      ...(await handler(s3Event(bed.quietBucket, avatarKey, { size: 100 }))),
      ...(await handler(s3Event(bed.quietBucket, key, { size: 0, eventName: 'ObjectRemoved:Delete' }))),
    ];

    expect(outcomes).toEqual([
      { outcome: 'ignored', key: avatarKey },
      { outcome: 'ignored', key },
    ]);
    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([avatarKey]);
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([key]);
  });

  it('fails on a DynamoDB error so that Lambda retries, keeping the upload and leaving no avatar file', async () => {
    const userId = newUserId();
    await bed.createUser(userId);
    const { key, event } = await upload(userId, await images.squareJpeg());
    const tableName = process.env.TABLE_NAME;
    process.env.TABLE_NAME = 'no-such-table';

    const failure = await handler(event).catch((error: unknown) => error);
    process.env.TABLE_NAME = tableName;

    expect((failure as Error).name).toBe('ResourceNotFoundException');
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([key]);
    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([]);
    expect(await handler(event)).toEqual([{ outcome: 'published', key, userId, avatarKey: await avatarOf(userId) }]);
  });
});
