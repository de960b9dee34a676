import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from '../../shared/avatars/image-format.js';
import * as images from './images.js';

describe('sniffImageFormat', () => {
  it.each([
    ['jpeg', images.squareJpeg],
    ['png', images.tinyPng],
    ['webp', images.photoWebp],
    ['gif', images.animatedGif],
    ['avif', images.photoAvif],
    ['tiff', images.photoTiff],
  ])('recognises %s by its leading bytes', async (format, make) => {
    expect(sniffImageFormat(await make())).toBe(format);
  });

  it.each([
    ['SVG', images.svg],
    ['HEIC', images.heicHeader],
    ['text', images.notAnImage],
    ['an empty file', () => Buffer.alloc(0)],
    ['a lone JPEG marker', () => Buffer.from([0xff, 0xd8])],
    ['RIFF audio', () => Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1')],
  ])('does not accept %s', async (_name, make) => {
    expect(sniffImageFormat(await make())).toBeUndefined();
  });
});
