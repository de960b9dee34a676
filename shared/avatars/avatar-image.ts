import sharp, { type Metadata } from 'sharp';
import { sniffImageFormat, type AcceptedFormat } from './image-format.js';

/** Avatars fit inside this square. */
export const AVATAR_SIZE = 200;
/** Larger images are refused before their pixels are decoded. */
export const MAX_INPUT_PIXELS = 40_000_000;

export type UnusableImageReason = 'unsupported-format' | 'too-many-pixels' | 'undecodable';

export class UnusableImageError extends Error {
  constructor(
    readonly reason: UnusableImageReason,
    detail: string,
  ) {
    super(detail);
    this.name = 'UnusableImageError';
  }
}

/** sharp reports AVIF as HEIF with AV1 compression; HEIF with HEVC (HEIC) is not accepted. */
function decodedFormat(metadata: Metadata): AcceptedFormat | undefined {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
      return metadata.format;
    case 'heif':
      return metadata.compression === 'av1' ? 'avif' : undefined;
    default:
      return undefined;
  }
}

async function readMetadata(input: Buffer): Promise<Metadata> {
  try {
    return await sharp(input).metadata();
  } catch (error) {
    throw new UnusableImageError('undecodable', (error as Error).message);
  }
}

/** Checks what the file really is from its header only, so nothing large is decoded. */
async function inspect(input: Buffer): Promise<void> {
  const declared = sniffImageFormat(input);
  if (!declared) throw new UnusableImageError('unsupported-format', 'not a JPEG, PNG, WebP, GIF, AVIF or TIFF file');
  const metadata = await readMetadata(input);
  const decoded = decodedFormat(metadata);
  if (decoded !== declared) {
    throw new UnusableImageError('unsupported-format', `file starts as ${declared} but decodes as ${metadata.format ?? 'nothing'}`);
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if (pixels > MAX_INPUT_PIXELS) {
    throw new UnusableImageError('too-many-pixels', `${metadata.width}x${metadata.height} is over ${MAX_INPUT_PIXELS} pixels`);
  }
}

/**
 * The published avatar made from an upload: upright (EXIF orientation applied), the first frame
 * of an animation, transparency flattened onto white, shrunk to fit 200x200 (never enlarged),
 * 8-bit sRGB JPEG with no metadata at all (sharp writes none unless asked to).
 */
export async function renderAvatar(input: Buffer): Promise<Buffer> {
  await inspect(input);
  try {
    return await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .jpeg({ quality: 85 })
      .toBuffer();
  } catch (error) {
    throw new UnusableImageError('undecodable', (error as Error).message);
  }
}
