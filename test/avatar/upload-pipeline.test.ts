/**
 * Uploads made the ways clients make them (a presigned POST form, a multipart `avatar` part, a
 * plain PUT) reaching the resize function through the local S3's own event delivery, and the
 * helpers the API functions use around avatars.
 */
import { getCiphers } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { avatarUrl as AvatarUrl } from '../../shared/avatars/avatar-url.js';
import type { deleteAvatarFiles as DeleteAvatarFiles } from '../../shared/avatars/avatar-files.js';
import type { storeAvatarUpload as StoreAvatarUpload } from '../../shared/avatars/multipart-upload.js';
import type { createAvatarUpload as CreateAvatarUpload } from '../../shared/avatars/presigned-upload.js';
import * as images from './images.js';
import { describeAvatar } from './inspect.js';
import { newUserId, startAvatarTestBed, type AvatarTestBed } from './test-bed.js';

const AVATAR_KEY = /^avatars\/(\d+)\/[a-zA-Z0-9]{22}\.jpg$/;

let bed: AvatarTestBed;
let createAvatarUpload: typeof CreateAvatarUpload;
let storeAvatarUpload: typeof StoreAvatarUpload;
let deleteAvatarFiles: typeof DeleteAvatarFiles;
let avatarUrl: typeof AvatarUrl;

beforeAll(async () => {
  bed = await startAvatarTestBed();
  ({ createAvatarUpload } = await import('../../shared/avatars/presigned-upload.js'));
  ({ storeAvatarUpload } = await import('../../shared/avatars/multipart-upload.js'));
  ({ deleteAvatarFiles } = await import('../../shared/avatars/avatar-files.js'));
  ({ avatarUrl } = await import('../../shared/avatars/avatar-url.js'));
});

afterAll(() => bed?.stop());

/** The published avatar as a browser gets it: by its public URL, without credentials. */
async function fetchAvatar(userId: number) {
  const url = avatarUrl((await bed.userItem(userId))?.avatarKey as string | undefined);
  expect(url).not.toBeNull();
  const response = await fetch(url!);
  return { url: url!, status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
}

describe('presigned avatar upload', () => {
  it('returns a POST form for uploads/{userId}/ limited to 10 MiB of image/*, valid 300 s', async () => {
    const userId = newUserId();

    const form = await createAvatarUpload(userId);

    expect(form).toEqual({
      upload: { url: `${bed.s3Endpoint}/${bed.bucket}`, fields: expect.any(Object) },
      expires_in: 300,
      max_bytes: 10_485_760,
    });
    const { key, Policy } = form.upload.fields;
    expect(key).toMatch(new RegExp(`^uploads/${userId}/[a-zA-Z0-9]{22}$`));
    const policy = JSON.parse(Buffer.from(Policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['content-length-range', 1, 10_485_760], ['starts-with', '$Content-Type', 'image/'], { key }]),
    );
    const expiresInSeconds = (Date.parse(policy.expiration) - Date.now()) / 1000;
    expect(expiresInSeconds).toBeGreaterThan(290);
    expect(expiresInSeconds).toBeLessThanOrEqual(300);
  });

  it('publishes what a browser posts with the form, served without credentials', async () => {
    const userId = newUserId();
    await bed.createUser(userId);
    const { upload } = await createAvatarUpload(userId);
    const body = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) body.append(name, value);
    body.append('Content-Type', 'image/jpeg');
    body.append('file', new Blob([await images.sidewaysJpeg()]), 'holiday.jpg');

    const posted = await fetch(upload.url, { method: 'POST', body });
    await bed.settled();

    expect(posted.status).toBe(204);
    const avatar = await fetchAvatar(userId);
    expect(avatar.url).toMatch(new RegExp(`^${bed.s3Endpoint}/${bed.bucket}/avatars/${userId}/[a-zA-Z0-9]{22}\\.jpg$`));
    expect(avatar).toMatchObject({ status: 200, type: 'image/jpeg' });
    expect(await describeAvatar(avatar.body)).toMatchObject({ format: 'jpeg', width: 133, height: 200, hasExif: false });
    expect(await bed.listKeys(bed.bucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('lets browsers post from any origin (CORS preflight)', async () => {
    const preflight = await fetch(`${bed.s3Endpoint}/${bed.bucket}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST' },
    });

    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
  });
});

describe('multipart avatar upload', () => {
  it('stores the part as an upload that the resize function publishes', async () => {
    const userId = newUserId();
    await bed.createUser(userId);

    const key = await storeAvatarUpload(userId, { content: await images.transparentSquarePng(), mimetype: 'image/png' });
    await bed.settled();

    expect(key).toMatch(new RegExp(`^uploads/${userId}/[a-zA-Z0-9]{22}$`));
    const avatar = await fetchAvatar(userId);
    expect(avatar.status).toBe(200);
    expect(await describeAvatar(avatar.body)).toMatchObject({ format: 'jpeg', width: 200, height: 200 });
    expect(await bed.listKeys(bed.bucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('leaves the avatar as it was when the part is not an image', async () => {
    const userId = newUserId();
    await bed.createUser(userId);
    await storeAvatarUpload(userId, { content: await images.tinyPng() });
    await bed.settled();
    const before = await bed.userItem(userId);

    await storeAvatarUpload(userId, { content: images.notAnImage(), mimetype: 'image/jpeg' });
    await bed.settled();

    expect(await bed.userItem(userId)).toEqual(before);
    expect(await bed.listKeys(bed.bucket, `avatars/${userId}/`)).toEqual([before?.avatarKey]);
    expect(await bed.listKeys(bed.bucket, `uploads/${userId}/`)).toEqual([]);
  });
});

describe('local S3 event delivery', () => {
  it('delivers keys URL-encoded as S3 does, so odd names arrive intact', async () => {
    const userId = newUserId();
    await bed.createUser(userId);

    await bed.putObject(bed.bucket, `uploads/${userId}/my photo+1 100% ünï€.webp`, await images.photoWebp());
    await bed.settled();

    expect((await bed.userItem(userId))?.avatarKey).toMatch(AVATAR_KEY);
    expect(await bed.listKeys(bed.bucket, `uploads/${userId}/`)).toEqual([]);
  });

  it('does not deliver objects written under avatars/', async () => {
    const userId = newUserId();
    await bed.createUser(userId);
    const key = `avatars/${userId}/handmade.jpg`;

    await bed.putObject(bed.bucket, key, 'not a JPEG');
    await bed.settled();

    expect(await bed.userItem(userId)).not.toHaveProperty('avatarKey');
    expect(await bed.getObject(bed.bucket, key)).toEqual(Buffer.from('not a JPEG'));
  });
});

/**
 * s3rver signs ListObjectsV2 continuation tokens with DES, which Node's OpenSSL 3 only offers
 * with `--openssl-legacy-provider`; without it a listing of over 1000 keys fails locally.
 */
const s3rverCanPaginate = getCiphers().includes('des');

describe('deleteAvatarFiles', () => {
  /** Puts the objects in the quiet bucket: uploads in the notifying one would be taken by the resize function. */
  async function deleteFromQuietBucket(userId: number, objectKeys: string[]): Promise<void> {
    for (let start = 0; start < objectKeys.length; start += 50) {
      await Promise.all(objectKeys.slice(start, start + 50).map((key) => bed.putObject(bed.quietBucket, key, 'x')));
    }
    const avatarsBucket = process.env.AVATARS_BUCKET;
    process.env.AVATARS_BUCKET = bed.quietBucket;
    await deleteAvatarFiles(userId).finally(() => {
      process.env.AVATARS_BUCKET = avatarsBucket;
    });
  }

  it("deletes every avatar and upload of one user and nobody else's", async () => {
    const userId = newUserId();
    const others = [`avatars/${newUserId()}/keep.jpg`, `uploads/${newUserId()}/keep`, `avatars/${userId}0/keep.jpg`];
    const own = [`avatars/${userId}/a.jpg`, `avatars/${userId}/b.jpg`, `uploads/${userId}/pending`, `uploads/${userId}/another one`];

    await deleteFromQuietBucket(userId, [...own, ...others]);

    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}`)).toEqual([`avatars/${userId}0/keep.jpg`]);
    expect(await bed.listKeys(bed.quietBucket, `uploads/${userId}/`)).toEqual([]);
    for (const key of others) expect(await bed.getObject(bed.quietBucket, key)).toEqual(Buffer.from('x'));
  });

  it.runIf(s3rverCanPaginate)('goes past the first 1000-key listing page', async () => {
    const userId = newUserId();
    const own = Array.from({ length: 1003 }, (_, index) => `avatars/${userId}/old${index}.jpg`);

    await deleteFromQuietBucket(userId, own);

    expect(await bed.listKeys(bed.quietBucket, `avatars/${userId}/`)).toEqual([]);
  });

  it('does nothing for a user without files', async () => {
    await expect(deleteAvatarFiles(newUserId())).resolves.toBeUndefined();
  });
});

describe('avatarUrl', () => {
  it('is the public URL of a key, or null without one', () => {
    expect(avatarUrl('avatars/7/Ab3.jpg')).toBe(`${bed.s3Endpoint}/${bed.bucket}/avatars/7/Ab3.jpg`);
    expect(avatarUrl(null)).toBeNull();
    expect(avatarUrl(undefined)).toBeNull();
    expect(avatarUrl('')).toBeNull();
  });
});
