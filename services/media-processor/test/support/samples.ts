import sharp from 'sharp';

/** A real PNG of the given size, generated (no fixture files). */
export const pngImage = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();

export const jpegImage = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 200, b: 40 } } })
    .jpeg()
    .toBuffer();

/** The start of an MP4: an ISO-BMFF `ftyp` box with the isom brand, then an empty `mdat`. */
export function mp4Start(): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x20]),
    Buffer.from('ftypisom', 'latin1'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2avc1mp41', 'latin1'),
  ]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from('mdat', 'latin1')]);
}

export const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>', 'utf8');
