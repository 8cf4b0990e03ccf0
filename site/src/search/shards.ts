// The index's postings in shards of consecutive terms, so a first search downloads the head (the
// dictionary and field lengths) and only the shards holding its own terms, instead of every term's
// postings. The postings of a few common words are most of the bytes; a query needs a handful.
// The build cuts the shards; the reader recomputes the same cuts from the head and `shardBytes`.
import { decodeIndex, hasPostings, postingsStart, type DecodedIndex } from './format.ts';

/** postings bytes per shard before it is closed (a term's postings are never split) */
export const SHARD_BYTES = 8_000;

export interface Shard {
  firstTerm: number;
  /** one past the last term */
  endTerm: number;
  /** byte range in the whole index */
  start: number;
  end: number;
}

/** Consecutive terms, a shard closed once it holds `shardBytes` of postings. */
export function postingShards(index: DecodedIndex, shardBytes: number): Shard[] {
  const shards: Shard[] = [];
  const offsets = index.postingOffsets;
  const termCount = index.terms.length;
  let firstTerm = 0;
  for (let term = 0; term < termCount; term++) {
    const end = offsets[term + 1] as number;
    if (end - (offsets[firstTerm] as number) >= shardBytes || term === termCount - 1) {
      shards.push({ firstTerm, endTerm: term + 1, start: offsets[firstTerm] as number, end });
      firstTerm = term + 1;
    }
  }
  return shards;
}

/** The head and the shards of a whole encoded index, as the build writes them. */
export function splitIndex(whole: Uint8Array, shardBytes = SHARD_BYTES): { head: Uint8Array; shards: Uint8Array[] } {
  const index = decodeIndex(whole);
  return {
    head: whole.slice(0, postingsStart(index)),
    shards: postingShards(index, shardBytes).map((shard) => whole.slice(shard.start, shard.end)),
  };
}

/**
 * Loads shards into an index decoded from its head, each once (concurrent queries share a download);
 * a failed download is forgotten so a later query retries it.
 */
export class ShardLoader {
  private readonly shards: Shard[];
  private readonly loading = new Map<number, Promise<void>>();

  constructor(
    private readonly index: DecodedIndex,
    shardBytes: number,
    private readonly fetchShard: (shard: number) => Promise<Uint8Array>,
  ) {
    this.shards = postingShards(index, shardBytes);
  }

  /** Resolves once the postings of every given term are in the index. */
  async ensure(termIds: Iterable<number>): Promise<void> {
    const needed = new Set<number>();
    for (const termId of termIds) if (!hasPostings(this.index, termId)) needed.add(this.shardOf(termId));
    await Promise.all([...needed].map((shard) => this.load(shard)));
  }

  private load(number: number): Promise<void> {
    let loading = this.loading.get(number);
    if (!loading) {
      const shard = this.shards[number] as Shard;
      loading = this.fetchShard(number).then((bytes) => {
        if (bytes.length !== shard.end - shard.start) throw new Error(`Search postings shard ${number}: ${bytes.length} bytes, expected ${shard.end - shard.start}`);
        this.index.bytes.set(bytes, shard.start);
        this.index.available?.fill(1, shard.firstTerm, shard.endTerm);
      });
      loading.catch(() => this.loading.delete(number));
      this.loading.set(number, loading);
    }
    return loading;
  }

  private shardOf(termId: number): number {
    let low = 0;
    let high = this.shards.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.shards[middle] as Shard).firstTerm <= termId) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** A whole index in memory, served the way the browser gets it: the head, then shards on demand. */
export function inMemoryShards(whole: Uint8Array, shardBytes = SHARD_BYTES): { index(): Promise<Uint8Array>; postings: { shardBytes: number; shard(number: number): Promise<Uint8Array> } } {
  const { head, shards } = splitIndex(whole, shardBytes);
  return {
    index: async () => head,
    postings: {
      shardBytes,
      shard: async (number) => {
        const shard = shards[number];
        if (!shard) throw new Error(`No search postings shard ${number}`);
        return shard;
      },
    },
  };
}
