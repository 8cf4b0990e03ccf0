// Runs an evaluation set through the search exactly as the browser's worker runs it (search/core.ts),
// on an index built in memory from a content folder.
import { readFile } from 'node:fs/promises';
import { loadContent } from '../build/content.ts';
import { buildModel } from '../build/model.ts';
import { buildSearchFiles } from '../build/searchFiles.ts';
import { createSearchCore } from '../search/core.ts';
import { inMemoryShards } from '../search/shards.ts';
import { scoreEvaluation, type EvalQuestion, type EvalReport } from './metrics.ts';

/** as many results as the search box shows */
const SHOWN = 8;

export async function loadQuestions(file: string): Promise<EvalQuestion[]> {
  return JSON.parse(await readFile(file, 'utf8')) as EvalQuestion[];
}

/** The search over a content folder's guides, indexed in memory (no site written). */
export async function searchContent(contentDir: string) {
  const model = buildModel(await loadContent(contentDir));
  const files = buildSearchFiles(model);
  const search = createSearchCore({
    ...inMemoryShards(files.index),
    docs: async () => files.docs,
    sectionTexts: async (guide) => files.texts[guide] ?? [],
  });
  return { model, search };
}

export async function evaluateSearch(contentDir: string, questions: EvalQuestion[]): Promise<EvalReport> {
  const { model, search } = await searchContent(contentDir);
  const known = new Map(model.guides.map((guide) => [guide.slug, new Set(guide.rendered.sections.map((section) => section.anchor))]));
  for (const question of questions) {
    if (question.guide === null) continue;
    const anchors = known.get(question.guide);
    if (!anchors) throw new Error(`Evaluation question "${question.q}": no guide "${question.guide}"`);
    if (question.section && !anchors.has(question.section)) {
      throw new Error(`Evaluation question "${question.q}": guide "${question.guide}" has no section "${question.section}"`);
    }
  }
  const answers = [];
  for (const question of questions) {
    const results = await search.query(question.q, { limit: SHOWN });
    answers.push({ results: results.map((result) => ({ slug: result.slug, anchor: result.url.split('#')[1] ?? '', lang: result.lang })) });
  }
  return scoreEvaluation(questions, answers);
}
