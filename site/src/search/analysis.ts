// Text analysis shared by the index build and the query side: splitting into words, then each
// language's lunr pipeline (stop words, accent folding, stemming) turns a word into an index term.
import { lunr } from './lunr.ts';

export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const FOREIGN_LANGUAGES = ['fr', 'de', 'es', 'it'] as const satisfies readonly Lang[];
export type ForeignLang = (typeof FOREIGN_LANGUAGES)[number];

const MAX_WORD_LENGTH = 40;
// Our own word splitter replaces lunr's tokenizer and trimmers: it keeps accented letters (lunr's
// English trimmer would cut them) and turns every lunr query syntax character into a separator.
const WORD = /[\p{L}\p{N}_]+/gu;
// The same pattern where the (lowercased) text is ASCII, as most of the guides' text is: there the
// Unicode letters and digits are exactly a-z and 0-9. Twice as fast, which the build's indexing feels.
const ASCII_WORD = /[a-z0-9_]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

export function splitWords(text: string): string[] {
  const lower = text.toLowerCase();
  const words = lower.match(NON_ASCII.test(lower) ? WORD : ASCII_WORD) ?? [];
  return words.every(isOrdinaryWord) ? words : words.filter(isOrdinaryWord);
}

function isOrdinaryWord(word: string): boolean {
  return word.length <= MAX_WORD_LENGTH && !isUnderscores(word);
}

function isUnderscores(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== 95) return false;
  return true;
}

export function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code < 48 || code > 57) && code !== 95) return false;
  }
  return true;
}

type PipelineFunction = (token: lunr.Token, index: number, tokens: lunr.Token[]) => lunr.Token | null | undefined | void;

interface PipelineHolder {
  pipeline: lunr.Pipeline;
  searchPipeline: lunr.Pipeline;
}

/** The indexing pipeline each language plugin installs, minus its trimmer (our splitter did that). */
function languagePipeline(lang: Lang): PipelineFunction[] {
  if (lang === 'en') return [lunr.stopWordFilter, lunr.stemmer] as PipelineFunction[];
  const holder: PipelineHolder = { pipeline: new lunr.Pipeline(), searchPipeline: new lunr.Pipeline() };
  const plugin = (lunr as unknown as Record<Lang, { call(target: PipelineHolder): void; trimmer: unknown }>)[lang];
  plugin.call(holder);
  const stack = (holder.pipeline as unknown as { _stack: PipelineFunction[] })._stack;
  return stack.filter((fn) => fn !== plugin.trimmer);
}

export type Analyzer = (word: string) => string | null;

function createAnalyzer(lang: Lang): Analyzer {
  const steps = languagePipeline(lang);
  const cache = new Map<string, string | null>();
  return (word) => {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    let token: lunr.Token | null = new lunr.Token(word, {});
    for (const step of steps) {
      const next: lunr.Token | null | undefined | void = step(token, 0, [token]);
      token = next ? next : null;
      if (!token) break;
    }
    const term = token && token.toString().length > 0 ? token.toString() : null;
    cache.set(word, term);
    return term;
  };
}

const analyzers = new Map<Lang, Analyzer>();

export function analyzer(lang: Lang): Analyzer {
  let found = analyzers.get(lang);
  if (!found) {
    found = createAnalyzer(lang);
    analyzers.set(lang, found);
  }
  return found;
}
