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
  posting: Record<string, unknown>;
  /** weights[field].get(doc) = lunr's tf-idf weight of the term in that field of that document */
  weights: (Map<number, number> | undefined)[];
}

export class LazyIndex {
  readonly lunrIndex: lunr.Index;
  readonly tokenSet: lunr.TokenSet;
  private readonly cache = new Map<number, MaterialisedTerm>();
  private readonly touched = new Set<number>();
  private touchedSorted: number[] | null = null;
  private readonly fieldIndexByName: Map<string, number>;

  constructor(readonly data: DecodedIndex) {
    this.fieldIndexByName = new Map(data.fields.map((field, i) => [field.name, i]));
    this.tokenSet = lunr.TokenSet.fromArray(data.terms);
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

  /** Runs a lunr query built with lunr's query API; clauses must set usePipeline: false. */
  query(build: lunr.Index.QueryBuilder): lunr.Index.Result[] {
    this.touched.clear();
    this.touchedSorted = null;
    return this.lunrIndex.query(build);
  }

  private postingFor(term: string): Record<string, unknown> | undefined {
    const termId = this.data.termIds.get(term);
    if (termId === undefined) return undefined;
    if (!this.touched.has(termId)) {
      this.touched.add(termId);
      this.touchedSorted = null;
    }
    return this.materialise(termId).posting;
  }

  private materialise(termId: number): MaterialisedTerm {
    const cached = this.cache.get(termId);
    if (cached) return cached;
    const { fields, fieldLengths, averageFieldLengths, docCount } = this.data;
    const perField = readPostings(this.data, termId);
    const documentsWithTerm = perField.reduce((sum, entry) => sum + entry.docs.length, 0);
    const idf = Math.log(1 + Math.abs((docCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)));
    const posting: Record<string, unknown> = { _index: termId };
    for (const field of fields) posting[field.name] = NO_POSTINGS;
    const weights: (Map<number, number> | undefined)[] = [];
    for (const { field, docs, tfs } of perField) {
      const spec = fields[field];
      if (!spec) continue;
      const refs: Record<string, unknown> = Object.create(null);
      const fieldWeights = new Map<number, number>();
      const lengths = fieldLengths[field] as Uint32Array;
      const average = averageFieldLengths[field] ?? 1;
      docs.forEach((doc, i) => {
        const tf = tfs[i] ?? 1;
        const normalisedLength = K1 * (1 - B + B * ((lengths[doc] ?? 0) / average));
        const score = ((idf * ((K1 + 1) * tf)) / (normalisedLength + tf)) * spec.boost;
        fieldWeights.set(doc, Math.round(score * 1000) / 1000);
        refs[doc] = NO_METADATA;
      });
      posting[spec.name] = refs;
      weights[field] = fieldWeights;
    }
    const materialised = { posting, weights };
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
