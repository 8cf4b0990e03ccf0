// Query planning and ranking over the lazy lunr index. Each word of the user's text becomes its own
// lunr query (exact term per language, completions while typing, one typo for longer words), so we
// know which words every section matched: sections matching all the words rank first, then by the
// sum of lunr's scores. User text never reaches lunr's query-string parser, so `: ~ ^ * + -` are
// just separators.
import type { lunr } from './lunr.ts';
import { analyzer, LANGUAGES, splitWords, type ForeignLang, type Lang } from './analysis.ts';
import { detectLanguage } from './language.ts';
import { decodeIndex, type DecodedIndex } from './format.ts';
import { LazyIndex } from './lazyIndex.ts';
import type { DocsTable, QueryOptions } from './types.ts';
import { synonymMap } from './thesaurus.ts';
import { contenders, type ContenderOptions } from './contenders.ts';

const MAX_WORDS = 8;
const MIN_PREFIX_LENGTH = 2;
const MAX_COMPLETIONS = 20;
const MIN_TYPO_LENGTH = 5;
const MAX_TYPO_VARIANTS = 20;
const MIN_STEM_LENGTH = 4;
const MAX_TRUNCATION = 4;
const BOOST = { exact: 10, englishInTranslation: 1, completion: 4, truncation: 3, typo: 2, synonym: 4 };
const SYNONYMS = synonymMap();

export interface Hit {
  doc: number;
  guide: number;
  score: number;
  wordsMatched: number;
  /** query words this section matched as written (or as the word being typed), not only via a typo */
  wordsMatchedWell: number;
  /** the words of the query that count (not stop words) */
  queryWords: number;
  lang: Lang;
  /** index terms the hit matched, for highlighting */
  terms: Set<string>;
}

/**
 * A section being ranked: summed score, words matched, and each word's lunr match data, which is
 * read only for the few sections finally shown (most matches of common words never are).
 */
interface Candidate {
  doc: number;
  score: number;
  wordsMatched: number;
  wordsMatchedWell: number;
  matches: Array<{ word: PlannedWord; data: lunr.MatchData }>;
}

interface Clause {
  term: string;
  fields: string[];
  boost: number;
  /** a variant one typo away: evidence of a match, but weak */
  typo?: boolean;
}

interface PlannedWord {
  clauses: Clause[];
  /** a stop word in some language adds score but is not required for the all-words tier */
  counts: boolean;
  /** the word (or its stem) occurs in English text of the index: no evidence of another language */
  english: boolean;
  /** the terms that match the word as written or being typed (all but typo variants) */
  wellMatched: Set<string>;
}

export class SearchEngine {
  private readonly index: LazyIndex;
  private readonly fieldsByLang = new Map<Lang, string[]>();
  private readonly fieldLang = new Map<string, Lang>();
  private readonly allFields: string[];
  /** the characters of the dictionary, for generating typo variants (on first need) */
  private letters: string[] | undefined;

  private table: DocsTable | undefined;

  /** `docs` may come later (useDocs): `termsFor` needs only the index, `search` both. */
  constructor(
    bytes: Uint8Array,
    docs?: DocsTable,
    /** false: lunr scores every matching section (the reference the pruning is tested against) */
    private readonly pruning = true,
  ) {
    this.table = docs;
    this.index = new LazyIndex(decodeIndex(bytes));
    for (const field of this.index.data.fields) {
      this.fieldLang.set(field.name, field.lang);
      const list = this.fieldsByLang.get(field.lang) ?? [];
      list.push(field.name);
      this.fieldsByLang.set(field.lang, list);
    }
    this.allFields = this.index.data.fields.map((field) => field.name);
  }

  private get alphabet(): string[] {
    this.letters ??= alphabetOf(this.index.data.terms);
    return this.letters;
  }

  get docs(): DocsTable {
    if (!this.table) throw new Error('The search docs table is not loaded yet');
    return this.table;
  }

  useDocs(docs: DocsTable): void {
    this.table = docs;
  }

  /** the decoded index, for loading postings into it (shards.ts) */
  get indexData(): DecodedIndex {
    return this.index.data;
  }

  get documentCount(): number {
    return this.index.data.docCount;
  }

  /**
   * The terms whose postings a search for `text` reads (the index may hold only some postings: see
   * shards.ts). They follow from the dictionary alone: the language evidence only changes boosts.
   */
  termsFor(text: string): number[] {
    const terms = new Set<number>();
    for (const word of this.plan(text, true).allPlanned) {
      for (const clause of word.clauses) terms.add(this.index.data.termIds.get(clause.term) as number);
    }
    return [...terms];
  }

  private plan(text: string, termsOnly = false): { words: string[]; allPlanned: PlannedWord[] } {
    const words = [...new Set(splitWords(text))].slice(0, MAX_WORDS);
    const stillTyping = !/\s$/.test(text);
    return { words, allPlanned: words.map((word, i) => this.planWord(word, stillTyping && i === words.length - 1, words.length === 1, termsOnly)) };
  }

  search(text: string, options: QueryOptions = {}): Hit[] {
    const limit = options.limit ?? 10;
    const { words, allPlanned } = this.plan(text);
    const planned = allPlanned.filter((word) => word.clauses.length > 0);
    // Sections matching all the words rank first. When enough of them exist, they are found from
    // the postings alone and lunr scores only them, instead of every section containing a common
    // word; otherwise every word is scored over all sections.
    const queryLang = detectLanguage(words, {
      isEnglish: (word) => this.isEnglish(analyzer('en')(word)) && analyzer('en')(word) !== null,
      foreignOnly: (word, lang) => this.isForeignOnly(word, lang),
    });
    // Words found nowhere in the index count too: "kubernetes chart" is not answered by a chart.
    const queryWords = allPlanned.filter((word) => word.counts).length;
    const ranking = { limit, distinctGuides: options.distinctGuides ?? false, guideOf: this.docs.sections.guide };
    if (planned.filter((word) => word.counts).length >= 2) {
      const hits = this.pick(this.evaluate(planned, ranking, true), limit, queryWords, queryLang, options.distinctGuides);
      if (hits.length >= limit) return hits;
    }
    const hits = this.pick(this.evaluate(planned, ranking, false), limit, queryWords, queryLang, options.distinctGuides);
    return hits.some(isGoodMatch) ? hits : [];
  }

  /**
   * The sections containing every counted word (in any of the fields its clauses search). A count
   * per section of the words it has so far, in a typed array: the sets this took were most of a
   * cold first query's own time on common words.
   */
  private sectionsWithAllWords(planned: PlannedWord[]): Set<number> {
    const cost = (word: PlannedWord) => word.clauses.reduce((sum, clause) => sum + this.index.postingSize(clause.term), 0);
    const counted = planned.filter((w) => w.counts).sort((a, b) => cost(a) - cost(b));
    const wordsSoFar = new Uint8Array(this.index.data.docCount);
    let reached = 0;
    for (const [had, word] of counted.entries()) {
      reached = 0;
      for (const clause of word.clauses) {
        const weights = this.index.fieldWeights(clause.term);
        for (const field of clause.fields) {
          const docs = weights[this.index.fieldIndex(field)]?.docs;
          if (!docs) continue;
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i] as number;
            if (wordsSoFar[doc] === had) {
              wordsSoFar[doc] = had + 1;
              reached++;
            }
          }
        }
      }
      if (reached === 0) break;
    }
    const common = new Set<number>();
    if (reached === 0) return common;
    for (let doc = 0; doc < wordsSoFar.length; doc++) if (wordsSoFar[doc] === counted.length) common.add(doc);
    return common;
  }

  private evaluate(planned: PlannedWord[], ranking: Omit<ContenderOptions, 'onlyDocs'>, narrowing: boolean): Candidate[] {
    const withAllWords = narrowing ? this.sectionsWithAllWords(planned) : undefined;
    if (withAllWords && withAllWords.size === 0) return [];
    // lunr scores only the sections that can make the shown results (same results, see contenders.ts).
    const pruned = this.pruning ? contenders(this.index, planned, withAllWords ? { ...ranking, onlyDocs: withAllWords } : ranking) : undefined;
    const onlyDocs = pruned ?? withAllWords;
    const candidates = new Map<number, Candidate>();
    for (const word of planned) {
      const results = this.index.query((query) => {
        for (const clause of word.clauses) {
          query.term(clause.term, { fields: clause.fields, boost: clause.boost, usePipeline: false });
        }
      }, onlyDocs);
      for (const result of results) {
        const doc = Number(result.ref);
        let candidate = candidates.get(doc);
        if (!candidate) {
          candidate = { doc, score: 0, wordsMatched: 0, wordsMatchedWell: 0, matches: [] };
          candidates.set(doc, candidate);
        }
        candidate.score += result.score;
        if (word.counts) {
          candidate.wordsMatched++;
          if (Object.keys(result.matchData.metadata).some((term) => word.wellMatched.has(term))) candidate.wordsMatchedWell++;
        }
        candidate.matches.push({ word, data: result.matchData });
      }
    }
    return [...candidates.values()];
  }

  private pick(candidates: Candidate[], limit: number, queryWords: number, queryLang: Lang, distinctGuides = false): Hit[] {
    const ranked = candidates.sort((a, b) => b.wordsMatched - a.wordsMatched || b.score - a.score || a.doc - b.doc);
    const seenGuides = new Set<number>();
    const chosen: Hit[] = [];
    for (const candidate of ranked) {
      if (chosen.length >= limit) break;
      const guide = this.docs.sections.guide[candidate.doc] ?? 0;
      if (distinctGuides) {
        if (seenGuides.has(guide)) continue;
        seenGuides.add(guide);
      }
      chosen.push(this.toHit(candidate, guide, queryWords, queryLang));
    }
    return chosen;
  }

  private toHit(candidate: Candidate, guide: number, queryWords: number, lang: Lang): Hit {
    const terms = new Set<string>();
    for (const { data } of candidate.matches) for (const term of Object.keys(data.metadata)) terms.add(term);
    const { doc, score, wordsMatched, wordsMatchedWell } = candidate;
    return { doc, guide, score, wordsMatched, wordsMatchedWell, queryWords, lang, terms };
  }

  private planWord(word: string, isBeingTyped: boolean, isOnlyWord: boolean, termsOnly: boolean): PlannedWord {
    const clauses: Clause[] = [];
    const analysed = LANGUAGES.map((lang) => ({ lang, term: analyzer(lang)(word) }));
    const englishTerm = analysed[0]?.term ?? null;
    // English is the site's language: its stop words ("of", "how") are ignored everywhere, even
    // where a translation's keywords contain them. Another language's stop word only skips that
    // language's fields and does not count towards "all the words".
    if (englishTerm === null && !isOnlyWord) return { clauses, counts: false, english: true, wellMatched: new Set() };
    const isStopWordSomewhere = analysed.some(({ term }) => term === null);
    const english = termsOnly || this.isEnglish(englishTerm);
    for (const { lang, term } of analysed) {
      if (term && this.index.data.termIds.has(term)) {
        // An English word found in a translation ("GPU", "out of memory" among French keywords)
        // still matches there, but must not outweigh the English text that says it.
        const boost = lang === 'en' || !english ? BOOST.exact : BOOST.englishInTranslation;
        clauses.push({ term, fields: this.fieldsByLang.get(lang) ?? [], boost });
      }
    }
    clauses.push(...this.synonymClauses(word, englishTerm));
    if (isBeingTyped && word.length >= MIN_PREFIX_LENGTH && (!isStopWordSomewhere || isOnlyWord)) {
      clauses.push(...this.completionClauses(word), ...this.truncationClauses(word));
    }
    if (word.length >= MIN_TYPO_LENGTH) clauses.push(...this.typoClauses(word));
    const wellMatched = new Set(clauses.filter((clause) => !clause.typo).map((clause) => clause.term));
    return { clauses, counts: !isStopWordSomewhere, english, wellMatched };
  }

  private isEnglish(englishTerm: string | null): boolean {
    if (englishTerm === null) return true;
    return this.occursIn(englishTerm, 'en');
  }

  /**
   * The term occurs in a field of that language. Read from the term's weights, which the query
   * computes and caches anyway: decoding a common word's postings on every keystroke cost more
   * than the rest of the query.
   */
  private occursIn(term: string, lang: Lang): boolean {
    const weights = this.index.fieldWeights(term);
    return weights.some((perDoc, field) => perDoc !== undefined && this.index.data.fields[field]?.lang === lang);
  }

  /** The other words of the word's synonym groups, as index terms in every language they occur in. */
  private synonymClauses(word: string, englishTerm: string | null): Clause[] {
    const synonyms = SYNONYMS.get(word) ?? (englishTerm ? SYNONYMS.get(englishTerm) : undefined) ?? [];
    const clauses: Clause[] = [];
    for (const synonym of synonyms) {
      for (const lang of LANGUAGES) {
        const term = analyzer(lang)(synonym);
        if (term && this.index.data.termIds.has(term) && !clauses.some((clause) => clause.term === term)) {
          clauses.push({ term, fields: this.fieldsByLang.get(lang) ?? [], boost: BOOST.synonym });
        }
      }
    }
    return clauses;
  }

  /** The word's term occurs in `lang`'s fields and its English analysis nowhere in English text. */
  private isForeignOnly(word: string, lang: ForeignLang): boolean {
    const term = analyzer(lang)(word);
    if (!term || this.isEnglish(analyzer('en')(word))) return false;
    return this.occursIn(term, lang);
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

  /** Index terms one edit (insert, delete, substitute, swap) away from the word or its stem. */
  private typoClauses(word: string): Clause[] {
    const forms = new Set([word, analyzer('en')(word) ?? word]);
    const found = new Set<string>();
    const consider = (candidate: string) => {
      if (!forms.has(candidate) && this.index.data.termIds.has(candidate)) found.add(candidate);
    };
    for (const form of forms) {
      for (let i = 0; i <= form.length; i++) {
        const before = form.slice(0, i);
        const after = form.slice(i);
        if (i < form.length) consider(before + after.slice(1));
        if (i < form.length - 1) consider(before + (after[1] ?? '') + (after[0] ?? '') + after.slice(2));
        for (const letter of this.alphabet) {
          consider(before + letter + after);
          if (i < form.length) consider(before + letter + after.slice(1));
        }
      }
    }
    return [...found].slice(0, MAX_TYPO_VARIANTS).map((term) => ({ term, fields: this.allFields, boost: BOOST.typo, typo: true }));
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

/**
 * Whether a hit answers the query rather than sharing a word with it: it must match more than half
 * of the query's words, a word matched only through a typo variant counting half. "kubernetes helm
 * chart" matched by "chart" alone is no answer; the reader is better served by "open a ticket".
 * A one-word query is answered by any match (typo included): it names what the reader wants.
 */
export function isGoodMatch(hit: Pick<Hit, 'wordsMatched' | 'wordsMatchedWell' | 'queryWords'>): boolean {
  if (hit.queryWords <= 1) return hit.wordsMatched > 0 || hit.queryWords === 0;
  const typoOnly = hit.wordsMatched - hit.wordsMatchedWell;
  return hit.wordsMatchedWell + typoOnly / 2 > hit.queryWords / 2;
}

/**
 * The first hit is clearly the answer when it has every word of the query (none only through a typo)
 * and the next guide's best hit matched fewer of the words, or scored less than half as much. Otherwise
 * Enter goes to the results page rather than guessing: "azure gpu pricing" matched "gpu pricing" in the
 * billing guide alone and jumped there, though nothing answers "azure".
 */
export function isClearlyAhead(hits: readonly Pick<Hit, 'guide' | 'score' | 'wordsMatched' | 'wordsMatchedWell' | 'queryWords'>[]): boolean {
  const [first] = hits;
  if (!first || first.wordsMatchedWell < first.queryWords) return false;
  const next = hits.find((hit) => hit.guide !== first.guide);
  return !next || next.wordsMatched < first.wordsMatched || next.score * 2 <= first.score;
}

/**
 * The characters of the dictionary's terms in the order they first occur (typo variants are capped
 * in the order they are found, so the order is the results'). Code units in a typed array, pairs of
 * surrogates as one character, as `for…of` reads a string: a third of the time of a Set of letters.
 */
function alphabetOf(terms: readonly string[]): string[] {
  const seen = new Uint8Array(0x10000);
  const astral = new Set<string>();
  const letters: string[] = [];
  for (const term of terms) {
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      const next = term.charCodeAt(i + 1);
      if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
        const letter = term.slice(i, i + 2);
        i++;
        if (!astral.has(letter)) letters.push(letter);
        astral.add(letter);
      } else if (seen[code] === 0) {
        seen[code] = 1;
        letters.push(term.charAt(i));
      }
    }
  }
  return letters;
}
