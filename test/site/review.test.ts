// Keeping guides right: owners and review dates, Check notes, the review data the web app reads, and the
// overdue reviews the build prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSite, type BuildReport } from '../../site/src/build/buildSite.ts';
import { BuildError } from '../../site/src/build/errors.ts';
import type { ReviewData } from '../../site/src/build/review.ts';
import { fixtureVariant, guideSource, removeTempDirs, tempDir } from './helpers.ts';

const TODAY = '2026-12-06';
const EXPERTS = JSON.stringify({ experts: [{ id: 'u-ana', name: 'Ana García' }, { id: 'u-mikko', name: 'Mikko Virtanen' }] });

const reviewedGuide = guideSource(
  `title: "Fresh guide"\nsummary: "Reviewed last week."\ntags: [review]\nupdated: 2026-06-01\nreviewed: 2026-11-30\nowner: u-ana`,
  [
    'Intro text.',
    '',
    '## Cut-offs',
    '',
    '> [!CHECK] source=https://calls.example.eu/large-scale/ checked=2026-11-30',
    '> Whether the call is **open** and its next cut-off.',
    '',
    '> An ordinary quotation stays a blockquote.',
    '',
  ].join('\n'),
);
const staleGuide = guideSource(`title: "Stale guide"\nsummary: "Reviewed long ago."\ntags: [review]\nupdated: 2026-12-01\nreviewed: 2026-03-01\nowner: u-mikko`);

async function build(files: Record<string, string>): Promise<{ outDir: string; report: BuildReport }> {
  const contentDir = await fixtureVariant(files);
  const outDir = path.join(await tempDir('out'), 'site');
  const report = await buildSite({ contentDir, outDir, baseUrl: 'https://support.example.eu', today: TODAY });
  return { outDir, report };
}

async function buildProblems(files: Record<string, string>): Promise<string[]> {
  const error = await build(files).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(BuildError);
  return [...(error as BuildError).problems];
}

let outDir: string;
let report: BuildReport;
const read = (file: string) => readFile(path.join(outDir, file), 'utf8');

beforeAll(async () => {
  ({ outDir, report } = await build({ 'experts.json': EXPERTS, 'guides/fresh.md': reviewedGuide, 'guides/stale.md': staleGuide }));
});
afterAll(removeTempDirs);

describe('review line on a guide page', () => {
  it('says when the guide was last reviewed and by whom (the owner\'s name from experts.json)', async () => {
    const html = await read('guides/fresh/index.html');
    expect(html).toContain('<p class="reviewed">Last reviewed on <time datetime="2026-11-30">30 November 2026</time> by Ana García</p>');
  });

  it('has no review line for a guide that was never reviewed', async () => {
    expect(await read('guides/containers/index.html')).not.toContain('Last reviewed');
  });
});

describe('Check notes', () => {
  it('renders a Check note as a labelled note with its date and source, without the marker line', async () => {
    const html = await read('guides/fresh/index.html');
    const note = /<div class="check-note" role="note" aria-label="Check note">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(note).toContain('<span class="check-note-label">Check</span> Last checked <time datetime="2026-11-30">30 November 2026</time> against');
    expect(note).toContain('href="https://calls.example.eu/large-scale/"');
    expect(note).toContain('<p>Whether the call is <strong>open</strong> and its next cut-off.</p>');
    expect(html).not.toContain('[!CHECK]');
    expect(html).toContain('<blockquote>\n<p>An ordinary quotation stays a blockquote.</p>\n</blockquote>');
  });

  it('fails the build on a Check note without an https source or a valid date, naming the file', async () => {
    const bad = guideSource('title: "Bad"\nsummary: "s"\ntags: [review]', '## Limits\n\n> [!CHECK] source=http://old.example.org/ checked=2026-13-01\n> Text.\n');
    const problems = await buildProblems({ 'guides/bad.md': bad });
    expect(problems.some((problem) => problem.endsWith('guides/bad.md: a Check note\'s source "http://old.example.org/" must be an absolute https URL (under "limits")'))).toBe(true);
    expect(problems.some((problem) => problem.endsWith('guides/bad.md: a Check note\'s checked date "2026-13-01" must be an ISO date like 2026-11-27 (under "limits")'))).toBe(true);
  });
});

describe('owners', () => {
  it('fails the build when a guide names an owner who is not in experts.json', async () => {
    const orphan = guideSource('title: "Orphan"\nsummary: "s"\ntags: [review]\nowner: u-nobody');
    const problems = await buildProblems({ 'experts.json': EXPERTS, 'guides/orphan.md': orphan });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/guides\/orphan\.md: front matter field "owner": "u-nobody" is not an expert listed in experts\.json$/);
  });
});

describe('review data for the web app (guides/review.json)', () => {
  it('lists every guide with owner, review date, due date and its Check notes, most urgent first', async () => {
    const data = JSON.parse(await read('guides/review.json')) as ReviewData;
    expect(data).toMatchObject({ version: 1, generated: TODAY, intervalDays: 180 });
    const slugs = data.guides.map((guide) => guide.slug);
    // never reviewed first (fixture guides), then by due date: stale (due 2026-08-28) before fresh (2027-05-29)
    expect(slugs.indexOf('stale')).toBeGreaterThan(slugs.indexOf('containers'));
    expect(slugs.indexOf('stale')).toBeLessThan(slugs.indexOf('fresh'));
    expect(data.guides.find((guide) => guide.slug === 'fresh')).toEqual({
      slug: 'fresh',
      title: 'Fresh guide',
      url: '/guides/fresh/',
      owner: 'u-ana',
      ownerName: 'Ana García',
      reviewed: '2026-11-30',
      due: '2027-05-29',
      overdue: false,
      checks: [{ source: 'https://calls.example.eu/large-scale/', checked: '2026-11-30', text: 'Whether the call is open and its next cut-off.', anchor: 'cut-offs' }],
    });
    expect(data.guides.find((guide) => guide.slug === 'stale')).toMatchObject({ owner: 'u-mikko', due: '2026-08-28', overdue: true, checks: [] });
    expect(data.guides.find((guide) => guide.slug === 'containers')).toMatchObject({ overdue: true });
    expect(data.guides.find((guide) => guide.slug === 'containers')).not.toHaveProperty('owner');
  });
});

describe('overdue reviews in the build report', () => {
  it('lists guides reviewed more than 180 days ago, and those never reviewed, but not fresh ones', () => {
    expect(report.staleReviews).toContain('stale: last reviewed 2026-03-01, due 2026-08-28 (owner Mikko Virtanen)');
    expect(report.staleReviews).toContain('containers: never reviewed (no owner)');
    expect(report.staleReviews.some((line) => line.startsWith('fresh:'))).toBe(false);
  });
});

describe('recently updated guides on the home page', () => {
  it('orders by review date (else last update) and shows that date', async () => {
    const home = await read('index.html');
    const recent = /<section aria-labelledby="recent-title">[\s\S]*?<\/section>/.exec(home)?.[0] ?? '';
    const titles = [...recent.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((match) => match[1]);
    // stale was updated 2026-12-01 but last reviewed in March: the review date counts
    expect(titles[0]).toBe('Fresh guide');
    // six shown: fresh, the four dated fixture guides (November), then stale (reviewed in March)
    expect(titles).toHaveLength(6);
    expect(titles.at(-1)).toBe('Stale guide');
    expect(recent).toContain('<p class="guide-date">Reviewed <time datetime="2026-11-30">30 November 2026</time></p>');
    expect(recent).toContain('<p class="guide-date">Updated <time datetime="2026-11-18">18 November 2026</time></p>');
  });
});
