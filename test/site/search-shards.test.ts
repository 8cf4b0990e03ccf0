// The postings in shards (what the browser downloads): the head and the shards make the whole index
// again, a query downloads only the shards holding its terms, and ranks exactly as the whole index.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../site/src/build/content.ts';
import { buildModel } from '../../site/src/build/model.ts';
import { buildSearchFiles, type SearchFiles } from '../../site/src/build/searchFiles.ts';
import { createSearchCore } from '../../site/src/search/core.ts';
import { SearchEngine } from '../../site/src/search/engine.ts';
import { decodeIndex, readPostings } from '../../site/src/search/format.ts';
import { postingShards, splitIndex } from '../../site/src/search/shards.ts';

const QUERIES = ['slurm pending', 'apptainer container LUMI', 'gpu memory errors', 'how much does it cost', 'conteneur', 'Rechenzeit beantragen', 'checkpont walltime', 'sl', 'kubernetes helm chart'];

// The real guides' postings are a few shards of the site's size; smaller shards test the cutting.
const SMALL_SHARDS = 1_000;

let files: SearchFiles;

beforeAll(async () => {
  files = buildSearchFiles(buildModel(await loadContent('content')));
});

function shardedCore(shards: Uint8Array[], head: Uint8Array, onFetch: (shard: number) => void = () => undefined, fail?: (shard: number) => boolean) {
  return createSearchCore({
    index: async () => head,
    postings: {
      shardBytes: SMALL_SHARDS,
      shard: async (number) => {
        onFetch(number);
        if (fail?.(number)) throw new Error(`shard ${number} unavailable`);
        return shards[number] as Uint8Array;
      },
    },
    docs: async () => files.docs,
    sectionTexts: async (guide) => files.texts[guide] ?? [],
  });
}

describe('search postings in shards', () => {
  it('splits the index into a head and shards of consecutive terms that make the whole again', () => {
    const { head, shards } = splitIndex(files.index, SMALL_SHARDS);
    expect(shards.length).toBeGreaterThan(5);
    expect(Buffer.concat([head, ...shards]).equals(Buffer.from(files.index))).toBe(true);
    expect(splitIndex(files.index).shards.length).toBeGreaterThan(1);
    const ranges = postingShards(decodeIndex(files.index), SMALL_SHARDS);
    ranges.forEach((range, i) => {
      expect(range.end - range.start).toBe(shards[i]?.length);
      // a shard closes once it reaches the size: without its last term it was below it
      if (i < ranges.length - 1) expect(range.end - range.start).toBeGreaterThanOrEqual(SMALL_SHARDS);
      expect(range.firstTerm).toBe(i === 0 ? 0 : ranges[i - 1]?.endTerm);
    });
    const headOnly = decodeIndex(head);
    expect(() => readPostings(headOnly, 0)).toThrow(/not loaded/);
  });

  it('ranks exactly as the whole index, downloading only the shards a query needs', async () => {
    const { head, shards } = splitIndex(files.index, SMALL_SHARDS);
    const whole = new SearchEngine(files.index, files.docs);
    const fetched = new Set<number>();
    const core = shardedCore(shards, head, (shard) => fetched.add(shard));
    const first = await core.query('gpu memory errors', { limit: 8 });
    expect(fetched.size).toBeGreaterThan(0);
    expect(fetched.size).toBeLessThan(shards.length / 2);
    expect(first.map((result) => result.slug)).toEqual(whole.search('gpu memory errors', { limit: 8 }).map((hit) => files.docs.guides[hit.guide]?.slug));
    for (const text of QUERIES) {
      const engine = await core.ready();
      const sharded = (await core.query(text, { limit: 8 })).map((result) => result.url);
      expect(engine.search(text, { limit: 8 }).map((hit) => hit.score)).toEqual(whole.search(text, { limit: 8 }).map((hit) => hit.score));
      expect(sharded, text).toEqual(
        whole.search(text, { limit: 8 }).map((hit) => {
          const anchor = files.docs.sections.anchor[hit.doc];
          return `/guides/${files.docs.guides[hit.guide]?.slug}/${anchor ? `#${anchor}` : ''}`;
        }),
      );
    }
  });

  it('fetches a query\'s shards from the index head alone, while the docs table is still loading', async () => {
    const { head, shards } = splitIndex(files.index, SMALL_SHARDS);
    let releaseDocs: () => void = () => undefined;
    const docsArrive = new Promise<void>((resolve) => (releaseDocs = resolve));
    const fetched: number[] = [];
    const core = createSearchCore({
      index: async () => head,
      postings: { shardBytes: SMALL_SHARDS, shard: async (number) => (fetched.push(number), shards[number] as Uint8Array) },
      docs: async () => (await docsArrive, files.docs),
      sectionTexts: async (guide) => files.texts[guide] ?? [],
    });
    const results = core.query('slurm pending');
    await expect.poll(() => fetched.length).toBeGreaterThan(0);
    releaseDocs();
    expect((await results).length).toBeGreaterThan(0);
  });

  it('warms up the index head alone: the docs table is read by the first query, after it has requested its shards', async () => {
    const { head, shards } = splitIndex(files.index, SMALL_SHARDS);
    const events: string[] = [];
    const core = createSearchCore({
      index: async () => (events.push('head'), head),
      postings: { shardBytes: SMALL_SHARDS, shard: async (number) => (events.push('shard'), shards[number] as Uint8Array) },
      docs: async () => (events.push('docs'), files.docs),
      sectionTexts: async (guide) => files.texts[guide] ?? [],
    });
    core.warm();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['head']);
    expect((await core.query('slurm pending')).length).toBeGreaterThan(0);
    expect(events.indexOf('docs')).toBeGreaterThan(events.indexOf('shard'));
  });

  it('requests no section text for snippets until the preview has been shown', async () => {
    const { head, shards } = splitIndex(files.index, SMALL_SHARDS);
    const textsRequested: number[] = [];
    const core = createSearchCore({
      index: async () => head,
      postings: { shardBytes: SMALL_SHARDS, shard: async (number) => shards[number] as Uint8Array },
      docs: async () => files.docs,
      sectionTexts: async (guide) => (textsRequested.push(guide), files.texts[guide] ?? []),
    });
    let shown: () => void = () => undefined;
    let previewed = 0;
    const results = core.query('slurm pending', {
      onPreview: (preview) => {
        previewed = preview.length;
        return new Promise<void>((resolve) => (shown = resolve));
      },
    });
    await expect.poll(() => previewed).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(textsRequested).toEqual([]);
    shown();
    expect((await results).length).toBe(previewed);
    expect(textsRequested.length).toBeGreaterThan(0);
  });

  it('downloads each shard once, and retries one whose download failed on the next query', async () => {
    const { head, shards } = splitIndex(files.index, SMALL_SHARDS);
    const fetches: number[] = [];
    let failing = true;
    const core = shardedCore(shards, head, (shard) => fetches.push(shard), () => failing);
    await expect(core.query('slurm pending')).rejects.toThrow(/unavailable/);
    failing = false;
    const results = await core.query('slurm pending');
    expect(results.length).toBeGreaterThan(0);
    const afterRetry = fetches.length;
    await core.query('slurm pending');
    expect(fetches.length).toBe(afterRetry);
  });
});
