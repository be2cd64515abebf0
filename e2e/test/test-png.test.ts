import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { noisePng } from '../src/test-png.ts';

/** The chunks of a PNG file, with their CRCs checked. */
function chunksOf(png: Buffer): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    chunks.push({ type, data });
    at += 12 + length;
  }
  return chunks;
}

describe('noisePng', () => {
  const png = noisePng(40, 30);

  it('is a PNG: signature, IHDR with the size and 8-bit RGB, IDAT, IEND', () => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const chunks = chunksOf(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0]?.data ?? Buffer.alloc(0);
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([40, 30, 8, 2]);
  });

  it('holds one filter byte and width × 3 bytes per row', () => {
    const idat = chunksOf(png).find((c) => c.type === 'IDAT');
    const raw = inflateSync(idat?.data ?? Buffer.alloc(0));
    expect(raw.length).toBe(30 * (1 + 40 * 3));
    for (let row = 0; row < 30; row += 1) expect(raw[row * 121]).toBe(0);
  });

  it('does not compress (so its size is predictable) and differs each time', () => {
    expect(noisePng(256, 256).length).toBeGreaterThan(256 * 256 * 3);
    expect(noisePng(8, 8).equals(noisePng(8, 8))).toBe(false);
  });
});
