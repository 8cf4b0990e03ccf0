// The search as the worker runs it and as the tests run it in Node: load the index and docs table
// from a source (fetch or files), rank with the engine, then fetch the displayed sections' text for
// snippets. One code path, so the ranking tests exercise exactly what the browser runs.
import { isClearlyAhead, SearchEngine, type Hit } from './engine.ts';
import { makeSnippet } from './snippet.ts';
import { ShardLoader } from './shards.ts';
import type { DocsTable, PreviewOption, QueryOptions, SearchResult } from './types.ts';

export interface SearchSource {
  /** the whole index, or only its head when `postings` is given */
  index(): Promise<Uint8Array>;
  /** where the head's postings come from, shard by shard (shards.ts), as a query needs them */
  postings?: { shardBytes: number; shard(number: number): Promise<Uint8Array> };
  docs(): Promise<DocsTable>;
  /** plain text of each section of guide number `guide`, in document order */
  sectionTexts(guide: number): Promise<string[]>;
}

export interface SearchCore {
  query(text: string, options?: QueryOptions & PreviewOption): Promise<SearchResult[]>;
  /** the engine with its docs table, both loaded */
  ready(): Promise<SearchEngine>;
  /**
   * Makes the index head queryable as soon as it arrives. The docs table is left to the first query,
   * which parses it while its postings shards download: parsed on arrival, it could delay the
   * query's shard requests (it is the worker's longest task after decoding the head).
   */
  warm(): void;
}

export function createSearchCore(source: SearchSource, baseUrl = '/'): SearchCore {
  let engine: Promise<{ engine: SearchEngine; shards?: ShardLoader }> | undefined;
  let docs: Promise<void> | undefined;
  const texts = new Map<number, Promise<string[]>>();
  // The index head alone lets a query plan and fetch its shards while the docs table still loads.
  const loaded = () => {
    engine ??= source.index().then((bytes) => {
      const searchEngine = new SearchEngine(bytes);
      const { postings } = source;
      return postings ? { engine: searchEngine, shards: new ShardLoader(searchEngine.indexData, postings.shardBytes, postings.shard) } : { engine: searchEngine };
    });
    return engine;
  };
  const docsLoaded = () => {
    docs ??= Promise.all([loaded(), source.docs()]).then(([{ engine: searchEngine }, table]) => searchEngine.useDocs(table));
    return docs;
  };
  const ready = async () => {
    await docsLoaded();
    return (await loaded()).engine;
  };
  const sectionTexts = (guide: number) => {
    let found = texts.get(guide);
    if (!found) {
      found = source.sectionTexts(guide).catch(() => {
        texts.delete(guide); // snippets fall back to summaries; a later query retries
        return [];
      });
      texts.set(guide, found);
    }
    return found;
  };
  const firstSectionOf = (docs: DocsTable, guide: number) => docs.sections.guide.indexOf(guide);

  /** With `texts`, the snippet comes from the section's text; without, from what is loaded already. */
  function describe(searchEngine: SearchEngine, hit: Hit, texts?: string[]): SearchResult {
    const { docs } = searchEngine;
    const guide = docs.guides[hit.guide];
    if (!guide) throw new Error(`Search index and docs table disagree on guide ${hit.guide}`);
    const anchor = docs.sections.anchor[hit.doc] ?? '';
    const isIntroduction = anchor === '';
    const translation = hit.lang === 'en' ? undefined : guide.i18n?.[hit.lang];
    let text = translation?.summary ?? '';
    if (!translation) {
      const sectionText = texts?.[hit.doc - firstSectionOf(docs, hit.guide)]?.trim() ?? '';
      text = sectionText || (texts || isIntroduction ? guide.summary : '');
    }
    return {
      url: `${baseUrl}guides/${guide.slug}/${anchor ? `#${anchor}` : ''}`,
      guideTitle: translation?.title ?? guide.title,
      sectionTitle: docs.sections.heading[hit.doc] ?? '',
      snippetHtml: text ? makeSnippet(text, hit.terms, hit.lang === 'en' ? ['en'] : [hit.lang, 'en']) : '',
      lang: hit.lang,
      slug: guide.slug,
    };
  }

  return {
    ready,
    warm: () => void loaded().catch(() => undefined), // a failure is reported by the query that needs it
    async query(text, options = {}) {
      const { engine: searchEngine, shards } = await loaded();
      // The shard requests go out first; the docs table is parsed while they download.
      await Promise.all([shards?.ensure(searchEngine.termsFor(text)), docsLoaded()]);
      const hits = searchEngine.search(text, options);
      const ahead = isClearlyAhead(hits);
      const mark = (result: SearchResult, i: number) => (i === 0 && ahead ? { ...result, clearlyAhead: true } : result);
      // The snippets' texts are requested only once the preview is out (in the browser: shown), so
      // they never delay the first results nor share the network with them.
      await options.onPreview?.(hits.map((hit, i) => mark(describe(searchEngine, hit), i)));
      const texts = hits.map((hit) => sectionTexts(hit.guide));
      return Promise.all(hits.map(async (hit, i) => mark(describe(searchEngine, hit, await texts[i]), i)));
    },
  };
}
