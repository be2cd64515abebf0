import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid 8-bit RGB PNG of `width` × `height` pixels of random colour: noise does not compress,
 * so the file is about `width * height * 3` bytes — large enough for a visible upload progress
 * bar, small enough for the image policy (20 MB).
 */
export function noisePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  // compression, filter and interlace methods: 0
  const rowLength = 1 + width * 3;
  const raw = Buffer.alloc(rowLength * height);
  const pixels = randomBytes(width * height * 3);
  for (let row = 0; row < height; row += 1) {
    // Each scanline starts with its filter type (0: none).
    pixels.copy(raw, row * rowLength + 1, row * width * 3, (row + 1) * width * 3);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
