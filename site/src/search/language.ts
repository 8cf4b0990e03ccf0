// The query's language, decided once for the whole query, so every result shows its title in that
// language (a French query never shows a Spanish title because one word also occurs in Spanish).
// Short queries carry little evidence; each word adds what it has: being a stop word of a language
// ("dans", "der", "el", "su"), letters only some languages use ("ß", "ñ", "é"), or occurring in a
// language's translations and nowhere in the English text. No evidence: English, the site's language.
import { analyzer, FOREIGN_LANGUAGES, type ForeignLang, type Lang } from './analysis.ts';

const LETTERS: Record<ForeignLang, RegExp> = {
  fr: /[éèêëàâçœîïôûù]/,
  de: /[äöüß]/,
  es: /[ñáíóú¿¡]/,
  it: /[àèéìòù]/,
};

export interface LanguageEvidence {
  /** the word occurs in the English text of the guides ("ai", "in" are words there, not stop words) */
  isEnglish(word: string): boolean;
  /** the word occurs in that language's translations but not in English text */
  foreignOnly(word: string, lang: ForeignLang): boolean;
}

/**
 * A language wins with 2 points or more, ahead of every other: one stop word or one word found only
 * in its translations, or two letters of its own.
 * A tie (Spanish and Italian both say "disco") or too little evidence leaves English, which is
 * never another language's title.
 */
export function detectLanguage(words: readonly string[], evidence: LanguageEvidence): Lang {
  const scores = new Map<ForeignLang, number>();
  for (const word of words) {
    const english = analyzer('en')(word) === null || evidence.isEnglish(word);
    for (const lang of FOREIGN_LANGUAGES) {
      let score = 0;
      if (!english && analyzer(lang)(word) === null) score += 2;
      if (LETTERS[lang].test(word)) score += 1;
      if (evidence.foreignOnly(word, lang)) score += 2;
      scores.set(lang, (scores.get(lang) ?? 0) + score);
    }
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2 || (second && second[1] === first[1])) return 'en';
  return first[0];
}
