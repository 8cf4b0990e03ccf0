import { allowedKinds, KINDS, kindOfName, type Kind } from './limits.ts';

/**
 * The kind of a file decided from its first bytes (and, for gzip, its last four), never from its name or the
 * browser's word: what the server answers downloads with. Pure: the caller reads the bytes.
 */
export type Sniffed = { ok: true; kind: Kind } | { ok: false; reason: string };

/** How many leading bytes `sniff` looks at (the tar header's magic sits at 257). */
export const SNIFF_BYTES = 64 * 1024;

/** An archive that claims to expand more than this many times its size is refused as a possible zip bomb. */
export const MAX_EXPANSION = 200;

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const u32 = (bytes: Uint8Array, at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 0x1000000;

/**
 * Markup a browser would render: refused even inside a `.log`, in case a download is ever shown inline. The
 * WHATWG MIME Sniffing Standard's HTML patterns (a browser that sniffs renders these as HTML), plus SVG, MathML
 * and XML; a tag ends at white space, `>` or `/` (`<svg/onload=...>` is an SVG element to a browser's parser).
 */
const MARKUP = /^\s*(?:<!doctype\s+html|<!--|<\?xml|<(?:html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|math)(?=[\s/>]))/i;

function binaryKind(head: Uint8Array): Kind | 'executable' | undefined {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (head.length > 262 && ascii(head, 257, 262) === 'ustar') return 'tar';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) || ascii(head, 0, 2) === 'MZ' || startsWith(head, [0xcf, 0xfa, 0xed, 0xfe])) return 'executable';
  return undefined;
}

/** Whether the bytes are UTF-8 text without NULs (a multi-byte character cut at the end of the sample is fine). */
export function isText(head: Uint8Array, truncated: boolean): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(truncated ? head.subarray(0, lastWholeCharacter(head)) : head);
    return true;
  } catch {
    return false;
  }
}

/** Where the last complete UTF-8 character ends, so a sample cut mid-character still decodes. */
function lastWholeCharacter(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0xc0) return bytes.length - back; // a lead byte whose continuation may be missing
    if ((byte & 0x80) === 0) break;
  }
  return bytes.length;
}

/** A zip whose first entry claims to expand far beyond its compressed size (or uses the zip64 escape to hide it). */
function zipBomb(head: Uint8Array): boolean {
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || head.length < 30) return false;
  const compressed = u32(head, 18);
  const uncompressed = u32(head, 22);
  if (compressed === 0xffffffff || uncompressed === 0xffffffff) return true;
  return uncompressed > 1024 * 1024 && uncompressed > MAX_EXPANSION * Math.max(compressed, 1);
}

/**
 * The kind of the file: `head` its first bytes (up to SNIFF_BYTES), `size` its stored size, `tail` its last
 * four bytes (gzip's uncompressed size). The name must agree with the content.
 */
export function sniff(filename: string, head: Uint8Array, size: number, tail?: Uint8Array): Sniffed {
  const claimed = kindOfName(filename);
  if (!claimed) return { ok: false, reason: `This kind of file cannot be attached. ${allowedKinds()}` };
  const found = binaryKind(head);
  if (found === 'executable') return { ok: false, reason: `This is a program, not a ${KINDS[claimed].label} file. ${allowedKinds()}` };
  if (found === 'zip' && zipBomb(head)) return { ok: false, reason: 'This archive claims to expand to far more than its size (a possible zip bomb); attach the files inside it instead.' };
  if (found === 'gzip' && tail && tail.length === 4 && u32(tail, 0) > MAX_EXPANSION * size && u32(tail, 0) > 1024 * 1024) {
    return { ok: false, reason: 'This archive claims to expand to far more than its size (a possible zip bomb); attach the files inside it instead.' };
  }
  const kind: Kind | undefined = found ?? (isText(head, size > head.length) ? 'text' : undefined);
  if (!kind) return { ok: false, reason: `The content is not one of the kinds we accept. ${allowedKinds()}` };
  if (kind === 'text') {
    const start = new TextDecoder().decode(head.subarray(0, 1024)).replace(/^\uFEFF/, '');
    if (MARKUP.test(start)) return { ok: false, reason: `HTML, SVG and XML pages cannot be attached (they could run in a browser). ${allowedKinds()}` };
  }
  if (kind !== claimed) {
    return { ok: false, reason: `The name says ${KINDS[claimed].label} but the content is ${KINDS[kind].label}; rename the file to match what it holds. ${allowedKinds()}` };
  }
  return { ok: true, kind };
}
