// `npm run eval:search [-- --questions FILE --content DIR]`: hit@1, hit@3 and MRR of the guide search
// per language on the evaluation set (all questions, then the held-out third alone), and the misses.
import { parseArgs } from 'node:util';
import { evaluateSearch, loadQuestions } from './src/evaluation/runEvaluation.ts';
import type { EvalReport } from './src/evaluation/metrics.ts';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: 'test/fixtures/search-eval.json' },
    content: { type: 'string', default: 'content' },
  },
});

const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(8);

function print(title: string, report: EvalReport): void {
  console.log(`\n${title}`);
  console.log('lang   questions   hit@1     hit@3     MRR');
  for (const [lang, f] of Object.entries(report.byLang).sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))) {
    console.log(`${lang.padEnd(6)} ${String(f.questions).padStart(9)} ${pct(f.hit1)}  ${pct(f.hit3)}  ${f.mrr.toFixed(3).padStart(7)}`);
  }
  console.log(`out of scope: ${report.outOfScope.rejected}/${report.outOfScope.questions} answered "no good match"; in-scope questions wrongly answered so: ${report.falseRejections}`);
  console.log(`titles in another language than the question's: ${report.wrongLanguage.length}${report.wrongLanguage.map((q) => ` [${q.lang}] ${JSON.stringify(q.q)}`).join(',')}`);
}

const questions = await loadQuestions(values.questions);
const all = await evaluateSearch(values.content, questions);
const heldOut = await evaluateSearch(values.content, questions.filter((question) => question.heldOut));
const tuning = await evaluateSearch(values.content, questions.filter((question) => !question.heldOut));
print(`All ${questions.length} questions`, all);
print(`Tuning set ${questions.length - questions.filter((question) => question.heldOut).length} questions`, tuning);
print(`Held-out ${questions.filter((question) => question.heldOut).length} questions (never tuned on)`, heldOut);
console.log('\nMisses (not first; rank among guides shown, or "-" when not shown):');
for (const miss of all.misses) {
  const q = miss.question;
  console.log(`  [${q.lang}${q.heldOut ? ' held-out' : ''}] ${JSON.stringify(q.q)} → want ${q.guide ?? '(no good match)'}, rank ${miss.rank ?? '-'}; got ${miss.got.join(', ') || '(nothing)'}`);
}
