// A lunr.Index whose inverted index and field vectors are materialised on demand from the compact
// format. lunr's query only reads invertedIndex[term] for the terms a query expands to, then
// fieldVectors["field/ref"] for the documents those terms matched; and since lunr 2.3.9 divides the
// dot product by the query vector's magnitude only, a document vector that holds just the query's
// terms scores exactly like the full one. So nothing is rebuilt up front, whatever the corpus size.
import { lunr } from './lunr.ts';
import { readPostings, type DecodedIndex } from './format.ts';

// lunr's BM25 constants (lunr.Builder defaults).
const K1 = 1.2;
const B = 0.75;
const MAX_CACHED_TERMS = 4000;
const NO_METADATA: Readonly<Record<string, never>> = Object.freeze({});
const NO_POSTINGS: Readonly<Record<string, never>> = Object.freeze({});

interface MaterialisedTerm {
  termId: number;
  /** lunr's posting over all documents, built on first use (queries restricted to a few documents never need it) */
  posting?: Record<string, unknown>;
  /** weights[field].get(doc) = lunr's tf-idf weight of the term in that field of that document */
  weights: (FieldWeights | undefined)[];
}

/**
 * A term's weights in one field: parallel arrays sorted by document, straight from the postings
 * (a Map per term and field was most of a cold query's time on common words).
 */
export class FieldWeights {
  constructor(
    readonly docs: Uint32Array,
    readonly weights: Float64Array,
  ) {}

  get size(): number {
    return this.docs.length;
  }

  private find(doc: number): number {
    let low = 0;
    let high = this.docs.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.docs[middle] as number;
      if (found === doc) return middle;
      if (found < doc) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  has(doc: number): boolean {
    return this.find(doc) >= 0;
  }

  get(doc: number): number | undefined {
    const at = this.find(doc);
    return at >= 0 ? this.weights[at] : undefined;
  }
}

export class LazyIndex {
  readonly lunrIndex: lunr.Index;
  readonly tokenSet: DictionaryTokenSet;
  private readonly cache = new Map<number, MaterialisedTerm>();
  private readonly touched = new Set<number>();
  private touchedSorted: number[] | null = null;
  private readonly fieldIndexByName: Map<string, number>;

  constructor(readonly data: DecodedIndex) {
    this.fieldIndexByName = new Map(data.fields.map((field, i) => [field.name, i]));
    this.tokenSet = new DictionaryTokenSet(data.terms, data.termIds);
    const invertedIndex = new Proxy(Object.create(null) as Record<string, unknown>, {
      get: (_target, key) => (typeof key === 'string' ? this.postingFor(key) : undefined),
    });
    const fieldVectors = new Proxy(Object.create(null) as Record<string, unknown>, {
      get: (_target, key) => (typeof key === 'string' ? this.vectorFor(key) : undefined),
    });
    const IndexConstructor = lunr.Index as unknown as new (attrs: Record<string, unknown>) => lunr.Index;
    this.lunrIndex = new IndexConstructor({
      invertedIndex,
      fieldVectors,
      tokenSet: this.tokenSet,
      fields: data.fields.map((field) => field.name),
      pipeline: new lunr.Pipeline(),
    });
  }

  private restriction: ReadonlySet<number> | undefined;

  /**
   * Runs a lunr query built with lunr's query API (clauses must set usePipeline: false). With
   * `onlyDocs`, lunr sees postings of those documents only: the scores of those documents are
   * unchanged, and the work is proportional to their number instead of to the terms' frequency.
   */
  query(build: lunr.Index.QueryBuilder, onlyDocs?: ReadonlySet<number>): lunr.Index.Result[] {
    this.touched.clear();
    this.touchedSorted = null;
    this.restriction = onlyDocs;
    try {
      return this.lunrIndex.query(build);
    } finally {
      this.restriction = undefined;
    }
  }

  /** The documents containing `term` in any of `fields` (straight from the postings, no scoring). */
  documentsWith(term: string, fields: readonly string[]): Set<number> {
    const found = new Set<number>();
    const termId = this.data.termIds.get(term);
    if (termId === undefined) return found;
    const { weights } = this.materialise(termId);
    for (const field of fields) {
      const perDoc = weights[this.fieldIndexByName.get(field) ?? -1];
      if (perDoc) for (const doc of perDoc.docs) found.add(doc);
    }
    return found;
  }

  /** lunr's weights of `term` per field index (document → weight), as its field vectors hold them. */
  fieldWeights(term: string): readonly (FieldWeights | undefined)[] {
    const termId = this.data.termIds.get(term);
    return termId === undefined ? [] : this.materialise(termId).weights;
  }

  fieldIndex(name: string): number {
    return this.fieldIndexByName.get(name) ?? -1;
  }

  /** Bytes of a term's postings: a cheap stand-in for how many documents contain it. */
  postingSize(term: string): number {
    const termId = this.data.termIds.get(term);
    if (termId === undefined) return 0;
    return (this.data.postingOffsets[termId + 1] ?? 0) - (this.data.postingOffsets[termId] ?? 0);
  }

  private postingFor(term: string): Record<string, unknown> | undefined {
    const termId = this.data.termIds.get(term);
    if (termId === undefined) return undefined;
    if (!this.touched.has(termId)) {
      this.touched.add(termId);
      this.touchedSorted = null;
    }
    const materialised = this.materialise(termId);
    if (this.restriction) return lunrPosting(materialised, this.data.fields, this.restriction);
    materialised.posting ??= lunrPosting(materialised, this.data.fields);
    return materialised.posting;
  }

  private materialise(termId: number): MaterialisedTerm {
    const cached = this.cache.get(termId);
    if (cached) return cached;
    const { fields, fieldLengths, averageFieldLengths, docCount } = this.data;
    const perField = readPostings(this.data, termId);
    const documentsWithTerm = perField.reduce((sum, entry) => sum + entry.docs.length, 0);
    const idf = Math.log(1 + Math.abs((docCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)));
    const weights: (FieldWeights | undefined)[] = [];
    for (const { field, docs, tfs } of perField) {
      const spec = fields[field];
      if (!spec) continue;
      const values = new Float64Array(docs.length);
      const lengths = fieldLengths[field] as Uint32Array;
      const average = averageFieldLengths[field] ?? 1;
      for (let i = 0; i < docs.length; i++) {
        const tf = tfs[i] ?? 1;
        const normalisedLength = K1 * (1 - B + B * ((lengths[docs[i] as number] ?? 0) / average));
        const score = ((idf * ((K1 + 1) * tf)) / (normalisedLength + tf)) * spec.boost;
        values[i] = Math.round(score * 1000) / 1000;
      }
      weights[field] = new FieldWeights(docs, values);
    }
    const materialised: MaterialisedTerm = { termId, weights };
    if (this.cache.size >= MAX_CACHED_TERMS) this.cache.clear();
    this.cache.set(termId, materialised);
    return materialised;
  }

  private vectorFor(fieldRef: string): lunr.Vector {
    const slash = fieldRef.indexOf('/');
    const field = this.fieldIndexByName.get(fieldRef.slice(0, slash)) ?? -1;
    const doc = Number(fieldRef.slice(slash + 1));
    this.touchedSorted ??= [...this.touched].sort((a, b) => a - b);
    const elements: number[] = [];
    for (const termId of this.touchedSorted) {
      const weight = this.materialise(termId).weights[field]?.get(doc);
      if (weight !== undefined) elements.push(termId, weight);
    }
    return new lunr.Vector(elements);
  }
}

/** The shape lunr reads: {_index, field: {docRef: metadata}}, for every field, optionally for some documents only. */
function lunrPosting(term: MaterialisedTerm, fields: DecodedIndex['fields'], docs?: ReadonlySet<number>): Record<string, unknown> {
  const posting: Record<string, unknown> = { _index: term.termId };
  fields.forEach((field, index) => {
    const weights = term.weights[index];
    if (!weights) {
      posting[field.name] = NO_POSTINGS;
      return;
    }
    const refs: Record<string, unknown> = Object.create(null);
    if (!docs) {
      for (const doc of weights.docs) refs[doc] = NO_METADATA;
    } else if (docs.size < weights.size) {
      for (const doc of docs) if (weights.has(doc)) refs[doc] = NO_METADATA;
    } else {
      for (const doc of weights.docs) if (docs.has(doc)) refs[doc] = NO_METADATA;
    }
    posting[field.name] = refs;
  });
  return posting;
}

interface TokenSetNode {
  final: boolean;
  edges: Record<string, TokenSetNode>;
}

/**
 * Stands in for lunr's TokenSet of all index terms. Building that automaton costs ~100 ms per
 * 20,000 terms at load, yet our queries only ever intersect it with plain words (completions and
 * typo variants are expanded against the sorted dictionary by the engine), which a map lookup
 * answers. A wildcard or fuzzy clause still works: the real TokenSet is then built once.
 */
export class DictionaryTokenSet {
  private automaton: lunr.TokenSet | undefined;

  constructor(
    private readonly terms: readonly string[],
    private readonly termIds: ReadonlyMap<string, number>,
  ) {}

  intersect(other: lunr.TokenSet): { toArray(): string[] } {
    const word = plainWord(other as unknown as TokenSetNode);
    if (word !== null) return { toArray: () => (this.termIds.has(word) ? [word] : []) };
    // @types/lunr declares fromArray on instances; it is a static method.
    const automaton = (this.automaton ??= (lunr.TokenSet as unknown as { fromArray(words: string[]): lunr.TokenSet }).fromArray([...this.terms]));
    return automaton.intersect(other);
  }
}

/** The word a TokenSet accepts if it is a single chain without wildcards, else null. */
function plainWord(set: TokenSetNode): string | null {
  let node = set;
  let word = '';
  for (;;) {
    const labels = Object.keys(node.edges);
    if (labels.length === 0) return node.final ? word : null;
    const label = labels[0] as string;
    if (labels.length !== 1 || label === '*' || node.final) return null;
    word += label;
    node = node.edges[label] as TokenSetNode;
  }
}
