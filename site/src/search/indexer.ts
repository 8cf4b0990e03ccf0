// Build-time indexing: turns section documents into the postings and field lengths that
// format.ts encodes. Documents are numbered by their position, which becomes their lunr ref.
import { analyzer, isNumber, splitWords } from './analysis.ts';
import { FIELDS, type SectionFields } from './fields.ts';
import type { FieldPostings, IndexContent } from './format.ts';

export function buildIndexContent(documents: readonly SectionFields[]): IndexContent {
  const postings = new Map<string, (FieldPostings | undefined)[]>();
  const fieldLengths = FIELDS.map(() => new Array<number>(documents.length).fill(0));
  documents.forEach((document, doc) => {
    FIELDS.forEach((field, fieldIndex) => {
      const text = document[field.name];
      if (!text) return;
      const analyze = analyzer(field.lang);
      let length = 0;
      for (const word of splitWords(text)) {
        if (!field.keepNumbers && isNumber(word)) continue;
        const term = analyze(word);
        if (!term) continue;
        length++;
        let perField = postings.get(term);
        if (!perField) {
          perField = [];
          postings.set(term, perField);
        }
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
