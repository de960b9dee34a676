import sharp from 'sharp';

/** What a published avatar must be checked for: format, size, colour and leftover metadata. */
export async function describeAvatar(jpeg: Buffer) {
  const metadata = await sharp(jpeg).metadata();
  return {
    format: metadata.format,
    width: metadata.width,
    height: metadata.height,
    space: metadata.space,
    depth: metadata.depth,
    pages: metadata.pages ?? 1,
    hasExif: metadata.exif !== undefined,
    hasXmp: metadata.xmp !== undefined,
    hasIcc: metadata.icc !== undefined,
    orientation: metadata.orientation,
  };
}

/** The RGB colour at a point of an image. */
export async function colourAt(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
}

/** Within JPEG's error of an exact colour. */
export function isCloseTo(actual: [number, number, number], expected: [number, number, number], tolerance = 24): boolean {
  return actual.every((channel, index) => Math.abs(channel - expected[index]!) <= tolerance);
}
