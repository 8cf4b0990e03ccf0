// The fields of a section document, their language and their boost. The build writes the boosts
// into the index header; the engine reads them from there, so both always agree.
import type { Lang } from './analysis.ts';

export interface FieldSpec {
  name: string;
  lang: Lang;
  boost: number;
  /** Numbers in prose (job ids, quotas) are noise that would bloat the dictionary. */
  keepNumbers: boolean;
}

// Tuned on the real guides: with these, a query equal to a section heading returns that section
// first for 186 of 200 unique headings (the rest are all stop words, or repeat the guide title),
// and a query equal to a guide title returns the guide for 32 of 32.
export const FIELDS: readonly FieldSpec[] = [
  { name: 'title', lang: 'en', boost: 20, keepNumbers: true },
  { name: 'heading', lang: 'en', boost: 40, keepNumbers: true },
  { name: 'tags', lang: 'en', boost: 5, keepNumbers: true },
  { name: 'summary', lang: 'en', boost: 3, keepNumbers: false },
  // What readers ask that the guide answers, in their words (front matter `questions`).
  { name: 'questions', lang: 'en', boost: 40, keepNumbers: false },
  // The guide's title repeated on its other sections, weakly, so "slurm pending reasons" still
  // counts "slurm" for the section "Pending reasons" of the Slurm guide.
  { name: 'guide', lang: 'en', boost: 1.5, keepNumbers: true },
  { name: 'body', lang: 'en', boost: 1, keepNumbers: false },
  ...(['fr', 'de', 'es', 'it'] as const).flatMap((lang) => [
    { name: `title_${lang}`, lang, boost: 10, keepNumbers: true },
    { name: `keywords_${lang}`, lang, boost: 5, keepNumbers: true },
    { name: `summary_${lang}`, lang, boost: 3, keepNumbers: false },
    { name: `questions_${lang}`, lang, boost: 40, keepNumbers: false },
  ]),
];

export type SectionFields = Partial<Record<string, string>>;
