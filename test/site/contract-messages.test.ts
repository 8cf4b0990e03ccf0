// Every field of the content contract, wrong in each way a writer gets it wrong, read back as the build says it:
// the file, the field and what to type, never zod's notation ("Invalid input: expected array, received string").
import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BuildError } from '../../site/src/build/errors.ts';
import { loadContent } from '../../site/src/build/content.ts';
import { FrontMatterError, guideFrontMatterSchema, pageFrontMatterSchema, parseFrontMatter } from '../../site/src/build/frontMatter.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const VALID = 'title: Jobs\nsummary: Running jobs.\ntags: [jobs]';
/** zod's own wording: its type notation, its joined list of options, its bare "Invalid input". */
const ZOD_WORDING = /Invalid (input|option)|expected \w+, received|\|"|>=|<=/;

function problemsOf(source: string, schema: typeof guideFrontMatterSchema | typeof pageFrontMatterSchema = guideFrontMatterSchema): string[] {
  try {
    parseFrontMatter(source, 'guides/gpu.md', schema);
  } catch (error) {
    expect(error).toBeInstanceOf(FrontMatterError);
    return (error as FrontMatterError).problems;
  }
  throw new Error('the front matter should have been refused');
}

const guide = (fields: string) => `---\n${VALID}\n${fields}\n---\nText.\n`;

describe('guide front matter errors are in a writer\'s words', () => {
  it.each([
    ['a missing field', '---\ntitle: Jobs\ntags: [jobs]\n---\n', 'front matter field "summary": is required'],
    ['a number for text', '---\ntitle: 2026\nsummary: S\ntags: [jobs]\n---\n', 'front matter field "title": must be text; put it in quotes, like "2026"'],
    ['a list for text', '---\ntitle: [a, b]\nsummary: S\ntags: [jobs]\n---\n', 'front matter field "title": must be a single text, not a list'],
    ['empty text', '---\ntitle: Jobs\nsummary: " "\ntags: [jobs]\n---\n', 'front matter field "summary": must not be empty'],
    ['text for the tags list', '---\ntitle: Jobs\nsummary: S\ntags: slurm\n---\n', 'front matter field "tags": must be a list, like [slurm]'],
    ['no tags', '---\ntitle: Jobs\nsummary: S\ntags: []\n---\n', 'front matter field "tags": needs at least one tag'],
    ['a tag not in kebab-case', '---\ntitle: Jobs\nsummary: S\ntags: [Batch Jobs]\n---\n', 'front matter field "tags[0]": must be lowercase kebab-case, like "batch-jobs"'],
    ['text for systems', guide('systems: LUMI'), 'front matter field "systems": must be a list, like [LUMI]'],
    [
      'a system in the wrong case',
      guide('systems: [Lumi]'),
      'front matter field "systems[0]": "Lumi" is not a system (did you mean "LUMI"?); systems include LUMI, Leonardo and MareNostrum 5 (the full list is EUROHPC_SYSTEMS in functions/core/catalog.ts)',
    ],
    [
      'an unknown system',
      guide('systems: [Frontier]'),
      'front matter field "systems[0]": "Frontier" is not a system; systems include LUMI, Leonardo and MareNostrum 5 (the full list is EUROHPC_SYSTEMS in functions/core/catalog.ts)',
    ],
    [
      'a misspelt category',
      guide('category: perfomance'),
      'front matter field "category": "perfomance" is not a category (did you mean "performance"?); categories include performance, access-and-allocations and accounts-and-login (the full list is TICKET_CATEGORY_LABELS in functions/core/catalog.ts)',
    ],
    ['a list for the category', guide('category: [other]'), 'front matter field "category": must be one category, like access-and-allocations'],
    ['text for audience', guide('audience: smes'), 'front matter field "audience": must be a list, like [smes]'],
    ['an empty audience entry', guide('audience: [""]'), 'front matter field "audience[0]": must not be empty'],
    ['a number for a date', guide('updated: 20261127'), 'front matter field "updated": must be an ISO date like 2026-11-27'],
    ['a date in another form', guide('reviewed: 27/11/2026'), 'front matter field "reviewed": must be an ISO date like 2026-11-27'],
    ['a number for the owner', guide('owner: 42'), 'front matter field "owner": must be text; put it in quotes, like "42"'],
    ['a language name for lang', guide('lang: english'), 'front matter field "lang": must be a two-letter language code, like en or fr'],
    ['text for questions', guide('questions: How do I queue a job?'), 'front matter field "questions": must be a list, like [How do I queue a job?]'],
    ['text for sources', guide('sources: https://docs.lumi-supercomputer.eu/'), 'front matter field "sources": must be a list, like [https://docs.lumi-supercomputer.eu/]'],
    ['a source that is not a web address', guide('sources: [ftp://example.org/x]'), 'front matter field "sources[0]": must be an http(s) URL'],
    [
      'a misspelt field',
      guide('sytems: [LUMI]'),
      'front matter: unknown field "sytems" (did you mean "systems"?); the fields are title, summary, tags, category, systems, audience, updated, reviewed, owner, lang, questions, sources and i18n',
    ],
    ['a translation into a language the site has not', guide('i18n: {pt: {title: T, summary: S}}'), 'front matter field "i18n": unknown language "pt"; the languages are fr, de, es and it'],
    ['text for i18n', guide('i18n: fr'), 'front matter field "i18n": must be translations by language, like fr: { title: ..., summary: ... }'],
    ['text for a translation', guide('i18n: {fr: Travaux}'), 'front matter field "i18n.fr": must be a translation\'s fields, like { title: ..., summary: ... }'],
    ['a translation without its summary', guide('i18n: {fr: {title: Travaux}}'), 'front matter field "i18n.fr.summary": is required'],
    [
      'a misspelt translation field',
      guide('i18n: {de: {title: T, summary: S, keyword: [x]}}'),
      'front matter field "i18n.de": unknown field "keyword" (did you mean "keywords"?); the fields are title, summary, keywords and questions',
    ],
    ['text for translated keywords', guide('i18n: {es: {title: T, summary: S, keywords: trabajos}}'), 'front matter field "i18n.es.keywords": must be a list, like [trabajos]'],
    ['a list for the whole block', '---\n- title\n- summary\n---\n', 'front matter: must be fields, one per line, like "title: Running jobs on LUMI"'],
    ['an opening --- never closed', '---\ntitle: Jobs\nsummary: S\ntags: [jobs]\n\n# Jobs\n', 'front matter is not closed: add a line with --- after its last field'],
    ['no block at all', '# Jobs\n', 'missing front matter (a YAML block between --- lines at the top)'],
    ['a field left empty', '---\ntitle: Jobs\nsummary:\ntags: [jobs]\n---\n', 'front matter field "summary": is empty: write its value after the colon'],
  ])('%s', (_case, source, message) => {
    const problems = problemsOf(source);
    expect(problems).toEqual([`guides/gpu.md: ${message}`]);
    expect(problems[0]).not.toMatch(ZOD_WORDING);
  });

  it('reads an empty block (--- right after ---) as one with no fields, not as an unclosed one', () => {
    expect(problemsOf('---\n---\n# Jobs\n')).toEqual(['title', 'summary', 'tags'].map((field) => `guides/gpu.md: front matter field "${field}": is required`));
  });

  it('says the same for a site page, whose tags are optional', () => {
    expect(problemsOf('---\ntitle: About\nsummary: S\ntags: about\nsytems: []\n---\n', pageFrontMatterSchema)).toEqual([
      'guides/gpu.md: front matter field "tags": must be a list, like [about]',
      expect.stringMatching(/^guides\/gpu\.md: front matter: unknown field "sytems" \(did you mean "systems"\?\)/),
    ]);
  });
});

describe('experts.json errors name the file and the field', () => {
  it.each([
    ['a list for the file', '[]', ': must be an object, like { "experts": [{ "id": "u-ana", "name": "Ana" }] }'],
    ['text for the experts', '{"experts": "u-ana"}', ': field "experts": must be a list, like [u-ana]'],
    ['text for an expert', '{"experts": ["u-ana"]}', ': field "experts[0]": must be an expert, like { "id": "u-ana", "name": "Ana" }'],
    ['an empty name', '{"experts": [{"id": "u-ana", "name": ""}]}', ': field "experts[0].name": must not be empty'],
    ['a missing id', '{"experts": [{"name": "Ana"}]}', ': field "experts[0].id": is required'],
    ['a misspelt field', '{"experts": [{"id": "u-ana", "name": "Ana", "nmae": "Ana"}]}', ': field "experts[0]": unknown field "nmae" (did you mean "name"?); the fields are id and name'],
  ])('%s', async (_case, json, message) => {
    const content = await tempDir('experts');
    await mkdir(path.join(content, 'guides'), { recursive: true });
    await writeFile(path.join(content, 'experts.json'), json);
    const error = await loadContent(content).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(BuildError);
    const problems = [...(error as BuildError).problems];
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/experts\.json: /);
    expect(problems[0]!.slice(problems[0]!.indexOf('experts.json') + 'experts.json'.length)).toBe(message);
    expect(problems[0]).not.toMatch(ZOD_WORDING);
  });
});
