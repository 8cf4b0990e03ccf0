// Build-time indexing: turns section documents into the postings and field lengths that
// format.ts encodes. Documents are numbered by their position, which becomes their lunr ref.
import { analyzer, isNumber, splitWords, type Lang } from './analysis.ts';
import { FIELDS, type SectionFields } from './fields.ts';
import type { FieldPostings, IndexContent } from './format.ts';

type TermPostings = (FieldPostings | undefined)[];

export function buildIndexContent(documents: readonly SectionFields[]): IndexContent {
  const postings = new Map<string, TermPostings>();
  const fieldLengths = FIELDS.map(() => new Array<number>(documents.length).fill(0));
  // word → its term's postings (null for stop words), per language: one lookup per word
  // instead of analysing it and then finding its term.
  const byWord = new Map<Lang, Map<string, TermPostings | null>>();
  const postingsOf = (lang: Lang, word: string): TermPostings | null => {
    let words = byWord.get(lang);
    if (!words) {
      words = new Map();
      byWord.set(lang, words);
    }
    let found = words.get(word);
    if (found === undefined) {
      const term = analyzer(lang)(word);
      if (term === null) found = null;
      else {
        found = postings.get(term) ?? [];
        postings.set(term, found);
      }
      words.set(word, found);
    }
    return found;
  };
  documents.forEach((document, doc) => {
    FIELDS.forEach((field, fieldIndex) => {
      const text = document[field.name];
      if (!text) return;
      let length = 0;
      for (const word of splitWords(text)) {
        if (!field.keepNumbers && isNumber(word)) continue;
        const perField = postingsOf(field.lang, word);
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
      (fieldLengths[fieldIndex] as number[])[doc] = length;
    });
  });
  return {
    docCount: documents.length,
    fields: FIELDS.map(({ name, lang, boost }) => ({ name, lang, boost })),
    fieldLengths,
    postings,
  };
}
