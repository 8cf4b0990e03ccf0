import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, headingAnchors, relativeMarkdownLinks, splitGuide } from './guide-markdown.ts';
import { guideFrontMatterSchema } from './guide-schema.ts';
import { TOPIC_CATEGORIES, TOPIC_IDS, isTopicId } from '../../functions/core/topics.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const guidesDir = path.join(repoRoot, 'content', 'guides');
const MIN_BODY_WORDS = 800;

// One guide per topic of the catalogue the functions and the web app read.
const topicIds: string[] = [...TOPIC_IDS];

function markdownFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name))
    .sort();
}

const guideFiles = markdownFilesUnder(guidesDir);
const relative = (file: string): string => path.relative(repoRoot, file);
const bodyOf = (file: string): string => splitGuide(readFileSync(file, 'utf8')).body;

// The checks below are only as good as the schema, so pin down what it must reject.
describe('guide front-matter schema', () => {
  const translation = { title: 't', summary: 's', keywords: ['a', 'b', 'c', 'd', 'e'] };
  const valid = {
    title: 'Submitting GPU jobs with Slurm',
    summary: 'One sentence.',
    tags: ['slurm', 'gpu-jobs'],
    category: 'jobs-and-scheduling',
    systems: ['LUMI', 'MareNostrum 5'],
    audience: ['start-ups'],
    updated: '2026-11-27',
    reviewed: '2026-12-06',
    owner: 'u-ana',
    sources: ['https://docs.lumi-supercomputer.eu/runjobs/'],
    questions: ['how do I submit a job', 'sbatch example', 'my job does not start'],
    i18n: { fr: translation, de: translation, es: translation, it: translation },
  };

  it('accepts a complete front matter', () => {
    expect(guideFrontMatterSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['an unknown key', { ...valid, author: 'x' }],
    ['a missing sources list', { ...valid, sources: undefined }],
    ['an empty sources list', { ...valid, sources: [] }],
    ['a source that is not http(s)', { ...valid, sources: ['ftp://example.org/x'] }],
    ['a plain http source', { ...valid, sources: ['http://www.prace-ri.eu/regular-access/'] }],
    ['a relative source', { ...valid, sources: ['/guides/slurm-basics/'] }],
    ['a missing review date', { ...valid, reviewed: undefined }],
    ['a review date that is not ISO', { ...valid, reviewed: '6 Dec 2026' }],
    ['a missing owner', { ...valid, owner: undefined }],
    ['an owner who is not a known expert', { ...valid, owner: 'u-maria' }],
    ['a source that is not a URL', { ...valid, sources: ['LUMI docs'] }],
    ['a category outside the ticket categories', { ...valid, category: 'billing' }],
    ['a misspelt system', { ...valid, systems: ['MareNostrum5'] }],
    ['a tag that is not kebab-case', { ...valid, tags: ['Slurm Basics'] }],
    ['no tags', { ...valid, tags: [] }],
    ['a date that is not ISO', { ...valid, updated: '27/11/2026' }],
    ['a missing language', { ...valid, i18n: { fr: translation, de: translation, es: translation } }],
    ['four keywords', { ...valid, i18n: { ...valid.i18n, it: { ...translation, keywords: ['a', 'b', 'c', 'd'] } } }],
    ['eleven keywords', { ...valid, i18n: { ...valid.i18n, de: { ...translation, keywords: Array(11).fill('k') } } }],
    ['no reader questions', { ...valid, questions: undefined }],
    ['fewer than three reader questions', { ...valid, questions: ['a', 'b'] }],
    ['a translation without summary', { ...valid, i18n: { ...valid.i18n, es: { title: 't', keywords: translation.keywords } } }],
  ])('rejects %s', (_case, frontMatter) => {
    expect(guideFrontMatterSchema.safeParse(frontMatter).success).toBe(false);
  });
});

describe('every topic has a guide', () => {
  it('content/topics.ts lists topics', () => {
    expect(topicIds.length).toBeGreaterThan(0);
  });

  it.each(topicIds)('content/guides/%s.md exists', (id) => {
    expect(existsSync(path.join(guidesDir, `${id}.md`)), `missing content/guides/${id}.md`).toBe(true);
  });

  it('no two guides share a slug (the build fails on duplicates)', () => {
    const slugs = guideFiles.map((file) => path.basename(file, '.md'));
    const duplicates = slugs.filter((slug, index) => slugs.indexOf(slug) !== index);
    expect(duplicates).toEqual([]);
  });
});

// A plain loop (not describe.each) so the full path is the suite title, untruncated.
for (const file of guideFiles) {
  const name = relative(file);
  describe(name, () => {
    it('has front matter that passes the strict schema', () => {
      const result = guideFrontMatterSchema.safeParse(splitGuide(readFileSync(file, 'utf8')).frontMatter);
      const problems = result.success
        ? []
        : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      expect(problems, `${name} front matter`).toEqual([]);
    });

    it('has the category its topic routes to (content/topics.ts)', () => {
      const { category } = splitGuide(readFileSync(file, 'utf8')).frontMatter as { category?: string };
      const topic = path.basename(file, '.md');
      expect(category).toBe(isTopicId(topic) ? TOPIC_CATEGORIES[topic] : undefined);
    });

    it(`has a body of at least ${MIN_BODY_WORDS} words`, () => {
      expect(countWords(bodyOf(file)), `${name} word count`).toBeGreaterThanOrEqual(MIN_BODY_WORDS);
    });

    it('has only relative .md links that resolve, anchors included', () => {
      const broken: string[] = [];
      for (const link of relativeMarkdownLinks(bodyOf(file))) {
        const target = link.file === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(link.file));
        if (!existsSync(target)) {
          broken.push(`${link.href}: no file ${relative(target)}`);
        } else if (link.anchor !== undefined && !headingAnchors(bodyOf(target)).has(decodeURIComponent(link.anchor))) {
          broken.push(`${link.href}: no heading with anchor #${link.anchor} in ${relative(target)}`);
        }
      }
      expect(broken, `${name} broken links`).toEqual([]);
    });
  });
}
