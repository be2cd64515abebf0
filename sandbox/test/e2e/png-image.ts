import { crc32, deflateSync } from 'node:zlib';

/**
 * A real PNG of `width` × `height` (8-bit RGB, a diagonal gradient), built with zlib only: the
 * media processor decodes it with sharp, so it must be a valid image, not just the magic bytes.
 */
export function pngImage(width: number, height: number): Buffer {
  const row = 1 + width * 3;
  const pixels = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    pixels[y * row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const at = y * row + 1 + x * 3;
      pixels[at] = (x * 255) / width;
      pixels[at + 1] = (y * 255) / height;
      pixels[at + 2] = 128;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Width and height of a PNG, JPEG or WebP (VP8, VP8L, VP8X) image, read from its header. */
export function imageSize(image: Buffer): { format: string; width: number; height: number } {
  if (image.subarray(1, 4).toString('ascii') === 'PNG') {
    return { format: 'png', width: image.readUInt32BE(16), height: image.readUInt32BE(20) };
  }
  if (
    image.subarray(0, 4).toString('ascii') === 'RIFF' &&
    image.subarray(8, 12).toString('ascii') === 'WEBP'
  ) {
    const kind = image.subarray(12, 16).toString('ascii');
    if (kind === 'VP8 ') {
      return {
        format: 'webp',
        width: image.readUInt16LE(26) & 0x3fff,
        height: image.readUInt16LE(28) & 0x3fff,
      };
    }
    if (kind === 'VP8L') {
      const bits = image.readUInt32LE(21);
      return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (kind === 'VP8X') {
      return { format: 'webp', width: image.readUIntLE(24, 3) + 1, height: image.readUIntLE(27, 3) + 1 };
    }
  }
  if (image[0] === 0xff && image[1] === 0xd8) {
    for (let at = 2; at + 9 < image.length; ) {
      const marker = image[at + 1] ?? 0;
      if (marker >= 0xc0 && marker <= 0xc2) {
        return { format: 'jpeg', width: image.readUInt16BE(at + 7), height: image.readUInt16BE(at + 5) };
      }
      at += 2 + image.readUInt16BE(at + 2);
    }
  }
  throw new Error(`not a PNG, JPEG or WebP image (starts with ${image.subarray(0, 12).toString('hex')})`);
}
