// The compact binary search index. lunr's own serialization stores every term's postings as nested
// JSON objects plus a vector per field and document (~7 MB gzip for 1,000 guides). This format keeps
// only what lunr needs to rebuild its scores: a front-coded sorted dictionary, delta-encoded postings
// with term frequencies, and field lengths. The weights lunr would store are recomputed on demand.
//
// Layout (all integers are unsigned varints):
//   "LSX1" | docCount | fieldCount | fieldCount × (name, lang, boost×1000)
//   fieldCount × (nonEmptyDocs, nonEmptyDocs × (docDelta, length))
//   termCount | termCount × (sharedPrefixLength, suffix, postingsByteLength) | postings
//   postings of a term: fieldsPresent × (fieldIndex, docCount, docCount × (docDelta·2 + [tf>1]) [tf-1])
import { ByteReader, ByteWriter } from './varint.ts';
import type { Lang } from './analysis.ts';

const MAGIC = 'LSX1';

export interface IndexField {
  name: string;
  lang: Lang;
  boost: number;
}

export interface FieldPostings {
  docs: number[];
  tfs: number[];
}

export interface IndexContent {
  docCount: number;
  fields: readonly IndexField[];
  /** fieldLengths[field][doc] = number of terms of that field in that document */
  fieldLengths: readonly (readonly number[])[];
  /** term → postings per field index (undefined where the term is absent) */
  postings: ReadonlyMap<string, readonly (FieldPostings | undefined)[]>;
}

function sharedPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export function encodeIndex(content: IndexContent): Uint8Array {
  const head = new ByteWriter();
  head.bytes(new TextEncoder().encode(MAGIC));
  head.uint(content.docCount);
  head.uint(content.fields.length);
  for (const field of content.fields) {
    head.string(field.name);
    head.string(field.lang);
    head.uint(Math.round(field.boost * 1000));
  }
  for (const lengths of content.fieldLengths) {
    const nonEmpty = lengths.flatMap((length, doc) => (length > 0 ? [doc] : []));
    head.uint(nonEmpty.length);
    let previous = 0;
    for (const doc of nonEmpty) {
      head.uint(doc - previous);
      head.uint(lengths[doc] ?? 0);
      previous = doc;
    }
  }
  const terms = [...content.postings.keys()].sort();
  head.uint(terms.length);
  const postings = new ByteWriter();
  let previousTerm = '';
  for (const term of terms) {
    const start = postings.size;
    const perField = content.postings.get(term) ?? [];
    const present = perField.flatMap((entry, index) => (entry && entry.docs.length > 0 ? [{ entry, index }] : []));
    postings.uint(present.length);
    for (const { entry, index } of present) {
      postings.uint(index);
      postings.uint(entry.docs.length);
      let previousDoc = 0;
      entry.docs.forEach((doc, i) => {
        const tf = entry.tfs[i] ?? 1;
        postings.uint((doc - previousDoc) * 2 + (tf > 1 ? 1 : 0));
        if (tf > 1) postings.uint(tf - 1);
        previousDoc = doc;
      });
    }
    const shared = sharedPrefixLength(previousTerm, term);
    head.uint(shared);
    head.string(term.slice(shared));
    head.uint(postings.size - start);
    previousTerm = term;
  }
  head.bytes(postings.toBytes());
  return head.toBytes();
}

export interface DecodedIndex {
  docCount: number;
  fields: IndexField[];
  fieldLengths: Uint32Array[];
  averageFieldLengths: number[];
  /** sorted, as lunr.TokenSet.fromArray requires */
  terms: string[];
  termIds: Map<string, number>;
  /** postingOffsets[t] .. postingOffsets[t + 1] is term t's postings in bytes */
  postingOffsets: Float64Array;
  bytes: Uint8Array;
  /**
   * Per term, 1 once its postings are in `bytes`; null when the whole index was decoded at once.
   * Decoding only the head (everything before the postings) leaves room for the postings, which
   * arrive later in shards (shards.ts).
   */
  available: Uint8Array | null;
}

export function decodeIndex(encoded: Uint8Array): DecodedIndex {
  let bytes = encoded;
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new Error(`Not a search index (expected ${MAGIC}, found ${JSON.stringify(magic)})`);
  const reader = new ByteReader(bytes, MAGIC.length);
  const docCount = reader.uint();
  const fieldCount = reader.uint();
  const fields: IndexField[] = [];
  for (let i = 0; i < fieldCount; i++) {
    const name = reader.string();
    const lang = reader.string() as Lang;
    fields.push({ name, lang, boost: reader.uint() / 1000 });
  }
  const fieldLengths: Uint32Array[] = [];
  const averageFieldLengths: number[] = [];
  for (let f = 0; f < fieldCount; f++) {
    const lengths = new Uint32Array(docCount);
    const nonEmpty = reader.uint();
    let doc = 0;
    let total = 0;
    for (let i = 0; i < nonEmpty; i++) {
      doc += reader.uint();
      const length = reader.uint();
      lengths[doc] = length;
      total += length;
    }
    fieldLengths.push(lengths);
    averageFieldLengths.push(nonEmpty > 0 ? total / nonEmpty : 1);
  }
  const termCount = reader.uint();
  const terms = new Array<string>(termCount);
  const termIds = new Map<string, number>();
  const postingOffsets = new Float64Array(termCount + 1);
  const postingLengths = new Float64Array(termCount);
  let previous = '';
  for (let t = 0; t < termCount; t++) {
    const shared = reader.uint();
    const term = previous.slice(0, shared) + reader.string();
    terms[t] = term;
    termIds.set(term, t);
    postingLengths[t] = reader.uint();
    previous = term;
  }
  let offset = reader.position;
  for (let t = 0; t < termCount; t++) {
    postingOffsets[t] = offset;
    offset += postingLengths[t] ?? 0;
  }
  postingOffsets[termCount] = offset;
  let available: Uint8Array | null = null;
  if (bytes.length < offset) {
    const whole = new Uint8Array(offset);
    whole.set(bytes);
    bytes = whole;
    available = new Uint8Array(termCount);
  }
  return { docCount, fields, fieldLengths, averageFieldLengths, terms, termIds, postingOffsets, bytes, available };
}

/** Where the postings start: the head before it is what a search needs before any postings. */
export function postingsStart(index: DecodedIndex): number {
  return index.postingOffsets[0] ?? index.bytes.length;
}

export function hasPostings(index: DecodedIndex, termId: number): boolean {
  return !index.available || index.available[termId] === 1;
}

export interface DecodedFieldPostings {
  field: number;
  docs: Uint32Array;
  tfs: Uint16Array;
}

export function readPostings(index: DecodedIndex, termId: number): DecodedFieldPostings[] {
  if (!hasPostings(index, termId)) throw new Error(`Postings of "${index.terms[termId]}" are not loaded`);
  const reader = new ByteReader(index.bytes, index.postingOffsets[termId] ?? 0);
  const present = reader.uint();
  const result: DecodedFieldPostings[] = [];
  for (let p = 0; p < present; p++) {
    const field = reader.uint();
    const count = reader.uint();
    const docs = new Uint32Array(count);
    const tfs = new Uint16Array(count);
    let doc = 0;
    for (let i = 0; i < count; i++) {
      const packed = reader.uint();
      doc += packed >>> 1;
      docs[i] = doc;
      tfs[i] = packed & 1 ? reader.uint() + 1 : 1;
    }
    result.push({ field, docs, tfs });
  }
  return result;
}
