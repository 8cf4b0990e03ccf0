// Which sections lunr must score for the best `limit` to be among them. lunr builds objects for
// every (section, field) a query's terms occur in, then a vector per field for each: on common words
// ("gpu memory errors") that is thousands of sections and most of a query's time. Its score of a
// section for one word is Σ over fields of (query vector · field vector) / |query vector|, from the
// weights LazyIndex computes; here the same sum is taken for every section in typed arrays, the
// sections are ranked as the engine ranks them, and lunr then scores only those that can reach the
// shown results. Sums taken in another order differ in the last bits, so every section within a
// hair of the cut is kept: the results are lunr's own, identical to scoring every section.
import type { LazyIndex } from './lazyIndex.ts';

export interface ScoredWord {
  clauses: ReadonlyArray<{ term: string; fields: readonly string[]; boost: number }>;
  counts: boolean;
  wellMatched: ReadonlySet<string>;
}

export interface ContenderOptions {
  limit: number;
  distinctGuides: boolean;
  /** the guide of each section */
  guideOf: readonly number[];
  /** score only these sections (the ones with all the words) */
  onlyDocs?: ReadonlySet<number>;
}

/** Below this many matching sections, lunr scores them all: pruning would not pay. */
const WORTH_PRUNING = 64;
const TOLERANCE = 1e-9;

/** The sections to score, or undefined when all matching sections must be (few, or fewer than `limit` results). */
export function contenders(index: LazyIndex, words: readonly ScoredWord[], options: ContenderOptions): Set<number> | undefined {
  const docCount = index.data.docCount;
  const score = new Float64Array(docCount);
  const wordsMatched = new Uint8Array(docCount);
  const matchedDocs: number[] = [];
  const seen = new Uint8Array(docCount);
  for (const word of words) {
    const matchedNow = new Uint8Array(docCount);
    // lunr's query vector per field: each clause adds its boost to its term in each of its fields.
    const queryVectors = new Map<number, Map<string, number>>();
    for (const clause of word.clauses) {
      for (const field of clause.fields) {
        const fieldIndex = index.fieldIndex(field);
        const vector = queryVectors.get(fieldIndex) ?? new Map<string, number>();
        vector.set(clause.term, (vector.get(clause.term) ?? 0) + clause.boost);
        queryVectors.set(fieldIndex, vector);
      }
    }
    for (const [fieldIndex, vector] of queryVectors) {
      let squares = 0;
      for (const value of vector.values()) squares += value * value;
      const magnitude = Math.sqrt(squares);
      for (const [term, boost] of vector) {
        const weights = index.fieldWeights(term)[fieldIndex];
        if (!weights) continue;
        for (let i = 0; i < weights.docs.length; i++) {
          const doc = weights.docs[i] as number;
          if (options.onlyDocs && !options.onlyDocs.has(doc)) continue;
          score[doc] = (score[doc] as number) + (boost * (weights.weights[i] as number)) / magnitude;
          matchedNow[doc] = 1;
          if (!seen[doc]) {
            seen[doc] = 1;
            matchedDocs.push(doc);
          }
        }
      }
    }
    if (word.counts) for (const doc of matchedDocs) if (matchedNow[doc]) wordsMatched[doc] = (wordsMatched[doc] as number) + 1;
  }
  if (matchedDocs.length < WORTH_PRUNING) return undefined;

  // The engine's order: more words matched first, then score (ties by section number).
  matchedDocs.sort((a, b) => (wordsMatched[b] as number) - (wordsMatched[a] as number) || (score[b] as number) - (score[a] as number) || a - b);
  const guides = new Set<number>();
  let chosen = 0;
  let cut = -1;
  for (let i = 0; i < matchedDocs.length && chosen < options.limit; i++) {
    const doc = matchedDocs[i] as number;
    if (options.distinctGuides) {
      const guide = options.guideOf[doc] ?? 0;
      if (guides.has(guide)) continue;
      guides.add(guide);
    }
    chosen++;
    cut = i;
  }
  if (chosen < options.limit) return undefined;
  const last = matchedDocs[cut] as number;
  const lastTier = wordsMatched[last] as number;
  const lastScore = score[last] as number;
  const floor = lastScore - TOLERANCE * Math.max(1, Math.abs(lastScore));
  const kept = new Set<number>();
  for (const doc of matchedDocs) {
    const tier = wordsMatched[doc] as number;
    if (tier > lastTier || (tier === lastTier && (score[doc] as number) >= floor)) kept.add(doc);
    else if (tier < lastTier) break;
  }
  return kept;
}
