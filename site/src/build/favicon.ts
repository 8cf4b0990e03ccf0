// /favicon.ico, drawn at build time (no binary in the repository): a 32 × 32 PNG inside an ICO container,
// the site's accent blue with a white "H" (for HPC). Browsers ask for /favicon.ico on every site.
import { deflateSync } from 'node:zlib';

const SIZE = 32;
const ACCENT = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** True where the white letter is: two uprights and a bar, with a margin. */
function isLetter(x: number, y: number): boolean {
  if (y < 8 || y > 23) return false;
  return (x >= 9 && x <= 12) || (x >= 19 && x <= 22) || (y >= 14 && y <= 17 && x >= 9 && x <= 22);
}

export function faviconPng(): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < SIZE; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < SIZE; x++) rows.push(...(isLetter(x, y) ? WHITE : ACCENT), 0xff);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', new Uint8Array())]);
}

/** An ICO file holding the PNG (allowed since Windows Vista, read by every current browser). */
export function faviconIco(): Buffer {
  const png = faviconPng();
  const icon = Buffer.alloc(22);
  icon.writeUInt16LE(0, 0); // reserved
  icon.writeUInt16LE(1, 2); // type: icon
  icon.writeUInt16LE(1, 4); // one image
  icon.writeUInt8(SIZE, 6);
  icon.writeUInt8(SIZE, 7);
  icon.writeUInt16LE(1, 10); // colour planes
  icon.writeUInt16LE(32, 12); // bits per pixel
  icon.writeUInt32LE(png.length, 14);
  icon.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([icon, png]);
}
