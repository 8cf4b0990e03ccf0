// Reading a big text file by byte ranges, as lines: the log viewer's first screen and its end never need the
// whole file. Pure apart from the `fetchRange` it is given (tested in Node against the local server).

export const CHUNK_BYTES = 256 * 1024;

export type FetchRange = (start: number, end: number) => Promise<Uint8Array>;

/** Lines from the start of the file, read chunk by chunk; a line cut by a chunk's end waits for the next one. */
export function headReader(size: number, fetchRange: FetchRange, chunk = CHUNK_BYTES) {
  const decoder = new TextDecoder('utf-8');
  let next = 0;
  let carry = '';
  const lines: string[] = [];
  return {
    lines,
    get complete() { return next >= size; },
    get bytesRead() { return next; },
    /** Reads one more chunk; the lines it completed. */
    async more(): Promise<number> {
      if (next >= size) return 0;
      const end = Math.min(size, next + chunk) - 1;
      const bytes = await fetchRange(next, end);
      next = end + 1;
      const text = carry + decoder.decode(bytes, { stream: next < size });
      const parts = text.split('\n');
      carry = next < size ? parts.pop() ?? '' : '';
      if (next >= size && parts.at(-1) === '') parts.pop();
      lines.push(...parts);
      return parts.length;
    },
  };
}

/** The last lines of the file from one range request (the first, possibly cut, line dropped unless at the start). */
export async function readTail(size: number, fetchRange: FetchRange, chunk = CHUNK_BYTES): Promise<{ lines: string[]; fromStart: boolean }> {
  const start = Math.max(0, size - chunk);
  const text = new TextDecoder('utf-8').decode(await fetchRange(start, size - 1));
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (start > 0) lines.shift();
  return { lines, fromStart: start === 0 };
}

/** `#L120` → 120. */
export const lineFromHash = (hash: string): number | undefined => {
  const match = /^#L(\d{1,9})$/.exec(hash);
  return match ? Number(match[1]) : undefined;
};
