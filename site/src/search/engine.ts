// Query planning and ranking over the lazy lunr index. Each word of the user's text becomes its own
// lunr query (exact term per language, completions while typing, one typo for longer words), so we
// know which words every section matched: sections matching all the words rank first, then by the
// sum of lunr's scores. User text never reaches lunr's query-string parser, so `: ~ ^ * + -` are
// just separators.
import { analyzer, LANGUAGES, splitWords, type Lang } from './analysis.ts';
import { decodeIndex } from './format.ts';
import { LazyIndex } from './lazyIndex.ts';
import type { DocsTable, QueryOptions } from './types.ts';

const MAX_WORDS = 8;
const MIN_PREFIX_LENGTH = 2;
const MAX_COMPLETIONS = 20;
const MIN_TYPO_LENGTH = 5;
const MIN_STEM_LENGTH = 4;
const MAX_TRUNCATION = 4;
const BOOST = { exact: 10, completion: 4, truncation: 3, typo: 2 };

export interface Hit {
  doc: number;
  guide: number;
  score: number;
  wordsMatched: number;
  lang: Lang;
  /** index terms the hit matched, for highlighting */
  terms: Set<string>;
}

interface Clause {
  term: string;
  fields: string[];
  boost: number;
  editDistance?: number;
}

interface PlannedWord {
  clauses: Clause[];
  /** a stop word in some language adds score but is not required for the all-words tier */
  counts: boolean;
}

export class SearchEngine {
  private readonly index: LazyIndex;
  private readonly fieldsByLang = new Map<Lang, string[]>();
  private readonly fieldLang = new Map<string, Lang>();
  private readonly allFields: string[];

  constructor(
    bytes: Uint8Array,
    readonly docs: DocsTable,
  ) {
    this.index = new LazyIndex(decodeIndex(bytes));
    for (const field of this.index.data.fields) {
      this.fieldLang.set(field.name, field.lang);
      const list = this.fieldsByLang.get(field.lang) ?? [];
      list.push(field.name);
      this.fieldsByLang.set(field.lang, list);
    }
    this.allFields = this.index.data.fields.map((field) => field.name);
  }

  get documentCount(): number {
    return this.index.data.docCount;
  }

  search(text: string, options: QueryOptions = {}): Hit[] {
    const limit = options.limit ?? 10;
    const words = [...new Set(splitWords(text))].slice(0, MAX_WORDS);
    const stillTyping = !/\s$/.test(text);
    const planned = words.map((word, i) =>
      this.planWord(word, stillTyping && i === words.length - 1, words.length === 1),
    );
    const hits = new Map<number, Hit & { langWords: Map<Lang, number> }>();
    for (const word of planned) {
      if (word.clauses.length === 0) continue;
      const results = this.index.query((query) => {
        for (const clause of word.clauses) {
          query.term(clause.term, {
            fields: clause.fields,
            boost: clause.boost,
            usePipeline: false,
            ...(clause.editDistance ? { editDistance: clause.editDistance } : {}),
          });
        }
      });
      for (const result of results) {
        const doc = Number(result.ref);
        let hit = hits.get(doc);
        if (!hit) {
          const guide = this.docs.sections.guide[doc] ?? 0;
          hit = { doc, guide, score: 0, wordsMatched: 0, lang: 'en', terms: new Set(), langWords: new Map() };
          hits.set(doc, hit);
        }
        hit.score += result.score;
        if (word.counts) hit.wordsMatched++;
        const langs = new Set<Lang>();
        for (const [term, fields] of Object.entries(result.matchData.metadata)) {
          hit.terms.add(term);
          for (const field of Object.keys(fields)) langs.add(this.fieldLang.get(field) ?? 'en');
        }
        for (const lang of langs) hit.langWords.set(lang, (hit.langWords.get(lang) ?? 0) + 1);
      }
    }
    const ranked = [...hits.values()].sort(
      (a, b) => b.wordsMatched - a.wordsMatched || b.score - a.score || a.doc - b.doc,
    );
    const seenGuides = new Set<number>();
    const chosen: Hit[] = [];
    for (const hit of ranked) {
      if (chosen.length >= limit) break;
      if (options.distinctGuides) {
        if (seenGuides.has(hit.guide)) continue;
        seenGuides.add(hit.guide);
      }
      const { langWords, ...plain } = hit;
      chosen.push({ ...plain, lang: displayLanguage(langWords) });
    }
    return chosen;
  }

  private planWord(word: string, isBeingTyped: boolean, isOnlyWord: boolean): PlannedWord {
    const clauses: Clause[] = [];
    const analysed = LANGUAGES.map((lang) => ({ lang, term: analyzer(lang)(word) }));
    const isStopWordSomewhere = analysed.some(({ term }) => term === null);
    for (const { lang, term } of analysed) {
      if (term && this.index.data.termIds.has(term)) {
        clauses.push({ term, fields: this.fieldsByLang.get(lang) ?? [], boost: BOOST.exact });
      }
    }
    if (isBeingTyped && word.length >= MIN_PREFIX_LENGTH && (!isStopWordSomewhere || isOnlyWord)) {
      clauses.push(...this.completionClauses(word), ...this.truncationClauses(word));
    }
    if (word.length >= MIN_TYPO_LENGTH) {
      const forms = new Set([word, analyzer('en')(word) ?? word]);
      for (const form of forms) {
        clauses.push({ term: form, fields: this.allFields, boost: BOOST.typo, editDistance: 1 });
      }
    }
    return { clauses, counts: !isStopWordSomewhere };
  }

  /** Terms starting with what is typed so far, closest first: "slur" → "slurm". */
  private completionClauses(prefix: string): Clause[] {
    const terms = this.index.data.terms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((terms[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const completions: string[] = [];
    for (let i = low; i < terms.length && (terms[i] as string).startsWith(prefix); i++) {
      if (terms[i] !== prefix) completions.push(terms[i] as string);
    }
    completions.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    return completions.slice(0, MAX_COMPLETIONS).map((term) => ({
      term,
      fields: this.allFields,
      boost: (BOOST.completion * prefix.length) / term.length,
    }));
  }

  /** Stems shorter than the word typed so far: "configura" → "configur" (the stem of "configuration"). */
  private truncationClauses(word: string): Clause[] {
    const clauses: Clause[] = [];
    for (let cut = 1; cut <= MAX_TRUNCATION; cut++) {
      const stem = word.slice(0, word.length - cut);
      if (stem.length < MIN_STEM_LENGTH) break;
      if (this.index.data.termIds.has(stem)) clauses.push({ term: stem, fields: this.allFields, boost: BOOST.truncation });
    }
    return clauses;
  }
}

/** The query's language: a translation wins when it matched more of the query's words than English. */
function displayLanguage(langWords: Map<Lang, number>): Lang {
  const english = langWords.get('en') ?? 0;
  let best: Lang = 'en';
  let bestCount = 0;
  for (const [lang, count] of langWords) {
    if (lang !== 'en' && count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  return bestCount > english ? best : 'en';
}

