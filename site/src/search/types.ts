import type { ForeignLang, Lang } from './analysis.ts';

/** What the build writes beside the index: enough to display a hit without the page. */
export interface DocsTable {
  guides: Array<{
    slug: string;
    title: string;
    summary: string;
    i18n?: Partial<Record<ForeignLang, { title: string; summary: string }>>;
  }>;
  /** Parallel arrays, one entry per section document (the document's lunr ref is its position). */
  sections: { guide: number[]; anchor: string[]; heading: string[] };
}

/** Where the built site keeps the search files, relative to the site root. */
export interface SearchManifest {
  version: 1;
  /** the index's head: dictionary and field lengths (format.ts) */
  index: string;
  /** the postings, in shards of consecutive terms (shards.ts): `${postings}${n}.bin` */
  postings: string;
  shardBytes: number;
  docs: string;
  /**
   * Section texts for snippets, in chunks of `textChunk` guides: guide g's texts are
   * `(${text}${Math.floor(g / textChunk)}.json)[g % textChunk]`, one string per section.
   * Chunks rather than a file per guide: thousands of small files slowed the build down.
   */
  text: string;
  textChunk: number;
  worker: string;
}

export interface SearchResult {
  url: string;
  guideTitle: string;
  /** empty when the hit is the guide's introduction rather than a titled section */
  sectionTitle: string;
  snippetHtml: string;
  lang: Lang;
  slug: string;
  /** on the first result only: it is clearly ahead of the next guide, so Enter may open it directly */
  clearlyAhead?: boolean;
}

export interface QueryOptions {
  limit?: number;
  /** keep only each guide's best section (e.g. for suggesting guides) */
  distinctGuides?: boolean;
}

export interface PreviewOption {
  /**
   * Called with the ranked results before their snippets are ready (snippets then only come from
   * titles and summaries already loaded), so a page can show results one request earlier. The
   * snippets' texts are requested once it has returned (and its promise, if any, has settled).
   */
  onPreview?: (results: SearchResult[]) => void | Promise<void>;
}
