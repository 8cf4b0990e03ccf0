// Scoring the search against an evaluation set: hit@1, hit@3 and reciprocal rank per language, at
// guide level (the first results a reader sees, guides counted in order of first appearance), and
// for out-of-scope questions whether the search said "no good match" (no results).
export interface EvalQuestion {
  q: string;
  lang: string;
  /** the guide that answers it; null when nothing in the guides does (out of scope) */
  guide: string | null;
  /** the section's anchor, where one section answers it */
  section?: string;
  /** kept aside: never looked at while tuning */
  heldOut?: boolean;
}

/** What the search returned for a question: result slugs and anchors, best first. */
export interface EvalAnswer {
  results: Array<{ slug: string; anchor: string; lang: string }>;
}

export interface Figures {
  questions: number;
  hit1: number;
  hit3: number;
  mrr: number;
}

export interface EvalReport {
  /** in-scope questions, per language and 'all' */
  byLang: Record<string, Figures>;
  /** out-of-scope questions answered with "no good match" / all out-of-scope questions */
  outOfScope: { questions: number; rejected: number };
  /** in-scope questions answered with "no good match" */
  falseRejections: number;
  /** questions shown a title in a language other than theirs (English excepted for translations) */
  wrongLanguage: EvalQuestion[];
  misses: Array<{ question: EvalQuestion; rank: number | null; got: string[] }>;
}

/** The 1-based position of the expected guide among the distinct guides of the results. */
export function guideRank(question: EvalQuestion, answer: EvalAnswer): number | null {
  const guides: string[] = [];
  for (const result of answer.results) if (!guides.includes(result.slug)) guides.push(result.slug);
  const at = question.guide ? guides.indexOf(question.guide) : -1;
  return at < 0 ? null : at + 1;
}

export function scoreEvaluation(questions: EvalQuestion[], answers: EvalAnswer[]): EvalReport {
  const sums = new Map<string, { questions: number; hit1: number; hit3: number; rr: number }>();
  const add = (lang: string, rank: number | null) => {
    const sum = sums.get(lang) ?? { questions: 0, hit1: 0, hit3: 0, rr: 0 };
    sum.questions++;
    if (rank === 1) sum.hit1++;
    if (rank !== null && rank <= 3) sum.hit3++;
    if (rank !== null) sum.rr += 1 / rank;
    sums.set(lang, sum);
  };
  const report: EvalReport = { byLang: {}, outOfScope: { questions: 0, rejected: 0 }, falseRejections: 0, wrongLanguage: [], misses: [] };
  questions.forEach((question, i) => {
    const answer = answers[i] ?? { results: [] };
    if (answer.results.some((result) => result.lang !== question.lang && result.lang !== 'en')) report.wrongLanguage.push(question);
    const got = [...new Set(answer.results.map((result) => result.slug))].slice(0, 3);
    if (question.guide === null) {
      report.outOfScope.questions++;
      if (answer.results.length === 0) report.outOfScope.rejected++;
      else report.misses.push({ question, rank: null, got });
      return;
    }
    if (answer.results.length === 0) report.falseRejections++;
    const rank = guideRank(question, answer);
    add(question.lang, rank);
    add('all', rank);
    if (rank !== 1) report.misses.push({ question, rank, got });
  });
  for (const [lang, sum] of sums) {
    report.byLang[lang] = { questions: sum.questions, hit1: sum.hit1 / sum.questions, hit3: sum.hit3 / sum.questions, mrr: sum.rr / sum.questions };
  }
  return report;
}
