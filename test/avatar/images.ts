/**
 * Test images, made with sharp when the tests run. Each one stands for a kind of file a client
 * may upload; the comments say what the avatar pipeline must make of it.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Colour, type Sharp } from 'sharp';

export const RED = { r: 255, g: 0, b: 0 };
export const BLUE = { r: 0, g: 0, b: 255 };
const GREY = { r: 128, g: 128, b: 128 };

const solid = (width: number, height: number, background: Colour, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background } });

/** Deterministic noise, so that JPEGs have real scan data to cut into. */
function noise(width: number, height: number): Sharp {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.imul(i + 1, 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** Halves side by side: `first` on the left, `second` on the right. */
function halves(width: number, height: number, first: Colour, second: Colour): Sharp {
  return solid(width, height, second).composite([
    { input: { create: { width: width / 2, height, channels: 3, background: first } }, left: 0, top: 0 },
  ]);
}

/** JPEG 200x113 */
export const landscapeJpeg = () => noise(1600, 900).jpeg().toBuffer();

/**
 * Stored sideways, 900x600 with red on the left, with EXIF Orientation 6 (turn 90° clockwise
 * to display): it displays as 600x900, red on top. JPEG 133x200, red on top, blue at the bottom.
 */
export const sidewaysJpeg = () => halves(900, 600, RED, BLUE).jpeg().withMetadata({ orientation: 6 }).toBuffer();

/** 800x600 with camera make/model, GPS coordinates and XMP. JPEG 200x150 with no metadata at all. */
export const gpsJpeg = () =>
  noise(800, 600)
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Spy 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 21/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 4/1' },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jane</dc:creator></rdf:Description>' +
        '</rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();

/** 400x400, transparent, black 200x200 square in the middle. JPEG 200x200, white corners. */
export const transparentSquarePng = () =>
  solid(400, 400, { r: 0, g: 0, b: 0, alpha: 0 }, 4)
    .composite([{ input: { create: { width: 200, height: 200, channels: 4, background: '#000000ff' } }, left: 100, top: 100 }])
    .png()
    .toBuffer();

/** JPEG 50x30: never enlarged. */
export const tinyPng = () => solid(50, 30, GREY).png().toBuffer();

/** JPEG 200x200 */
export const squareJpeg = () => noise(200, 200).jpeg().toBuffer();

/** JPEG 200x150 */
export const photoWebp = () => noise(640, 480).webp().toBuffer();

/** JPEG 200x1 */
export const wideStripPng = () => solid(4000, 10, GREY).png().toBuffer();

/** JPEG 1x200 */
export const tallStripPng = () => solid(10, 4000, GREY).png().toBuffer();

/** CMYK JPEG: an sRGB JPEG. */
export const cmykJpeg = () => halves(600, 400, RED, BLUE).toColourspace('cmyk').jpeg().toBuffer();

/** 16 bits per channel: an 8-bit JPEG. */
export const sixteenBitPng = () => halves(600, 400, RED, BLUE).toColourspace('rgb16').png().toBuffer();

async function animation(format: 'gif' | 'webp'): Promise<Buffer> {
  const frames = await Promise.all([RED, BLUE].map((colour) => solid(300, 150, colour).png().toBuffer()));
  return sharp(frames, { join: { animated: true } })[format]({ loop: 0 }).toBuffer();
}

/** Two frames, red then blue: a red 200x100 JPEG (the first frame). */
export const animatedGif = () => animation('gif');
export const animatedWebp = () => animation('webp');

/** JPEG 200x150 */
export const photoAvif = () => noise(640, 480).avif().toBuffer();

/** JPEG 200x150 */
export const photoTiff = () => noise(640, 480).tiff().toBuffer();

/** Refused: SVG is not accepted (scripts, external references, unbounded rendering). */
export const svg = () =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="red"/></svg>');

/**
 * Refused: the start of a HEIC file (an ISO BMFF `ftyp` box of brand `heic`). The bundled libvips
 * can neither write nor read HEVC, so the header is all a test can make.
 */
export function heicHeader(): Buffer {
  const ftyp = Buffer.concat([Buffer.alloc(4), Buffer.from('ftypheic\0\0\0\0mif1heicmiaf', 'latin1')]);
  ftyp.writeUInt32BE(ftyp.length, 0);
  return Buffer.concat([ftyp, Buffer.alloc(64)]);
}

/** Refused: text with a `.jpg` name. */
export const notAnImage = () => Buffer.from('This is a text file, not a photo.\n');

/** Refused: the first 40% of a JPEG. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await noise(400, 300).jpeg().toBuffer();
  return whole.subarray(0, Math.floor(whole.length * 0.4));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Refused before decoding: one colour, 12000x12000 = 144 megapixels, a few kB on disk. Written
 * by hand as a 1-bit greyscale PNG, which is far quicker than having sharp encode it.
 */
export function hugePng(side = 12_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const row = Buffer.alloc(1 + Math.ceil(side / 8)); // filter byte 0, then black pixels
  const rows = Buffer.alloc(row.length * side);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
