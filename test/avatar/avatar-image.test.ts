import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderAvatar, UnusableImageError } from '../../shared/avatars/avatar-image.js';
import * as images from './images.js';
import { colourAt, describeAvatar, isCloseTo } from './inspect.js';

const CLEAN_JPEG = { format: 'jpeg', space: 'srgb', depth: 'uchar', pages: 1, hasExif: false, hasXmp: false, hasIcc: false };

async function refusal(input: Buffer): Promise<string> {
  const error = await renderAvatar(input).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(UnusableImageError);
  return (error as UnusableImageError).reason;
}

describe('renderAvatar', () => {
  it.each([
    ['a 1600x900 JPEG', 200, 113, images.landscapeJpeg],
    ['an 800x600 JPEG with EXIF, GPS and XMP', 200, 150, images.gpsJpeg],
    ['a 400x400 transparent PNG', 200, 200, images.transparentSquarePng],
    ['a 50x30 PNG, never enlarged', 50, 30, images.tinyPng],
    ['a 200x200 JPEG', 200, 200, images.squareJpeg],
    ['a 640x480 WebP', 200, 150, images.photoWebp],
    ['a 640x480 AVIF', 200, 150, images.photoAvif],
    ['a 640x480 TIFF', 200, 150, images.photoTiff],
    ['a 600x400 CMYK JPEG', 200, 133, images.cmykJpeg],
    ['a 600x400 16-bit PNG', 200, 133, images.sixteenBitPng],
    ['a 4000x10 strip', 200, 1, images.wideStripPng],
    ['a 10x4000 strip', 1, 200, images.tallStripPng],
    ['an animated GIF', 200, 100, images.animatedGif],
    ['an animated WebP', 200, 100, images.animatedWebp],
  ])('turns %s into a clean 8-bit sRGB JPEG of %dx%d', async (_name, width, height, make) => {
    const input = await make();

    const avatar = await renderAvatar(input);

    const description = await describeAvatar(avatar);
    expect(description).toMatchObject(CLEAN_JPEG);
    expect(Math.abs(description.width! - width)).toBeLessThanOrEqual(1);
    expect(Math.abs(description.height! - height)).toBeLessThanOrEqual(1);
  });

  it('applies the EXIF orientation: the sideways photo stands up, red on top, blue at the bottom', async () => {
    const input = await images.sidewaysJpeg();

    const avatar = await renderAvatar(input);

    expect(await describeAvatar(avatar)).toMatchObject({ ...CLEAN_JPEG, width: 133, height: 200, orientation: undefined });
    expect(isCloseTo(await colourAt(avatar, 66, 20), [255, 0, 0])).toBe(true);
    expect(isCloseTo(await colourAt(avatar, 66, 180), [0, 0, 255])).toBe(true);
  });

  it('strips camera, GPS and XMP metadata', async () => {
    const input = await images.gpsJpeg();
    const source = await sharp(input).metadata();
    expect(source.exif?.includes('TestCam')).toBe(true);
    expect(source.xmp?.includes('Jane')).toBe(true);

    const avatar = await renderAvatar(input);

    expect(await describeAvatar(avatar)).toMatchObject({ hasExif: false, hasXmp: false, hasIcc: false });
    expect(avatar.includes('TestCam')).toBe(false);
    expect(avatar.includes('Jane')).toBe(false);
  });

  it('flattens transparency onto white', async () => {
    const avatar = await renderAvatar(await images.transparentSquarePng());

    expect(isCloseTo(await colourAt(avatar, 2, 2), [255, 255, 255])).toBe(true);
    expect(isCloseTo(await colourAt(avatar, 197, 197), [255, 255, 255])).toBe(true);
    expect(isCloseTo(await colourAt(avatar, 100, 100), [0, 0, 0])).toBe(true);
  });

  it('keeps the first frame of an animation', async () => {
    for (const make of [images.animatedGif, images.animatedWebp]) {
      const avatar = await renderAvatar(await make());

      expect(isCloseTo(await colourAt(avatar, 100, 50), [255, 0, 0])).toBe(true);
    }
  });

  it('converts CMYK and 16-bit colour to sRGB, showing the colours of the source', async () => {
    for (const make of [images.cmykJpeg, images.sixteenBitPng]) {
      const input = await make();

      const avatar = await renderAvatar(input);

      expect(isCloseTo(await colourAt(avatar, 20, 66), await colourAt(input, 60, 200))).toBe(true);
      expect(isCloseTo(await colourAt(avatar, 180, 66), await colourAt(input, 540, 200))).toBe(true);
    }
  });

  it.each([
    ['SVG', 'unsupported-format', images.svg],
    ['HEIC', 'unsupported-format', images.heicHeader],
    ['text named .jpg', 'unsupported-format', images.notAnImage],
    ['an empty file', 'unsupported-format', () => Buffer.alloc(0)],
    ['a truncated JPEG', 'undecodable', images.truncatedJpeg],
    ['a 12000x12000 PNG (144 megapixels)', 'too-many-pixels', images.hugePng],
  ])('refuses %s as %s', async (_name, reason, make) => {
    const input = await make();

    expect(await refusal(input)).toBe(reason);
  });

  it('refuses a file whose header claims one format and whose body is another', async () => {
    const pngBody = await images.tinyPng();
    const jpegMagicThenPng = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), pngBody]);

    expect(await refusal(jpegMagicThenPng)).toBe('undecodable');
  });
});
