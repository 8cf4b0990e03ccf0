// Build-time indexing: turns section documents into the postings and field lengths that
// format.ts encodes. Documents are numbered in the order they are added, which becomes their lunr
// ref; they can be added as they are rendered (the build feeds a worker thread guide by guide).
import { analyzer, isNumber, splitWords, type Lang } from './analysis.ts';
import { FIELDS, type SectionFields } from './fields.ts';
import type { FieldPostings, IndexContent } from './format.ts';

type TermPostings = (FieldPostings | undefined)[];

export class IndexBuilder {
  private readonly postings = new Map<string, TermPostings>();
  private readonly fieldLengths: number[][] = FIELDS.map(() => []);
  // word → its term's postings (null for stop words), per language: one lookup per word
  // instead of analysing it and then finding its term.
  private readonly byWord = new Map<Lang, Map<string, TermPostings | null>>();
  private docCount = 0;

  private postingsOf(lang: Lang, word: string): TermPostings | null {
    let words = this.byWord.get(lang);
    if (!words) {
      words = new Map();
      this.byWord.set(lang, words);
    }
    let found = words.get(word);
    if (found === undefined) {
      const term = analyzer(lang)(word);
      if (term === null) found = null;
      else {
        found = this.postings.get(term) ?? [];
        this.postings.set(term, found);
      }
      words.set(word, found);
    }
    return found;
  }

  add(document: SectionFields): void {
    const doc = this.docCount++;
    FIELDS.forEach((field, fieldIndex) => {
      const text = document[field.name];
      let length = 0;
      if (text) {
        for (const word of splitWords(text)) {
          if (!field.keepNumbers && isNumber(word)) continue;
          const perField = this.postingsOf(field.lang, word);
          if (!perField) continue;
          length++;
          let entry = perField[fieldIndex];
          if (!entry) {
            entry = { docs: [], tfs: [] };
            perField[fieldIndex] = entry;
          }
          const last = entry.docs.length - 1;
          if (entry.docs[last] === doc) entry.tfs[last] = (entry.tfs[last] ?? 1) + 1;
          else {
            entry.docs.push(doc);
            entry.tfs.push(1);
          }
        }
      }
      (this.fieldLengths[fieldIndex] as number[]).push(length);
    });
  }

  content(): IndexContent {
    return {
      docCount: this.docCount,
      fields: FIELDS.map(({ name, lang, boost }) => ({ name, lang, boost })),
      fieldLengths: this.fieldLengths,
      postings: this.postings,
    };
  }
}

export function buildIndexContent(documents: readonly SectionFields[]): IndexContent {
  const builder = new IndexBuilder();
  for (const document of documents) builder.add(document);
  return builder.content();
}
