// Unsigned LEB128 varints: the compact byte encoding of the search index.

const encoder = new TextEncoder();

export class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  uint(value: number): void {
    this.ensure(5);
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.buffer[this.length++] = rest;
  }

  bytes(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  string(text: string): void {
    const encoded = encoder.encode(text);
    this.uint(encoded.length);
    this.bytes(encoded);
  }

  get size(): number {
    return this.length;
  }

  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

export class ByteReader {
  private offset: number;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly bytes: Uint8Array,
    offset = 0,
  ) {
    this.offset = offset;
  }

  uint(): number {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.bytes[this.offset++] ?? 0;
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  }

  string(): string {
    const length = this.uint();
    const start = this.offset;
    this.offset += length;
    // Dictionary suffixes are short and mostly ASCII: building them directly is several times
    // faster than a TextDecoder call per string.
    let ascii = '';
    for (let i = start; i < this.offset; i++) {
      const byte = this.bytes[i] as number;
      if (byte >= 0x80) return this.decoder.decode(this.bytes.subarray(start, this.offset));
      ascii += String.fromCharCode(byte);
    }
    return ascii;
  }

  get position(): number {
    return this.offset;
  }

  skip(count: number): void {
    this.offset += count;
  }
}
