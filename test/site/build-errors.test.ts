import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { BuildError } from '../../site/src/build/errors.ts';
import { buildInto, fixtureVariant, guideSource, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

async function buildProblems(contentDir: string): Promise<string[]> {
  try {
    await buildInto(contentDir);
  } catch (error) {
    expect(error).toBeInstanceOf(BuildError);
    return [...(error as BuildError).problems];
  }
  throw new Error('the build should have failed');
}

describe('site build failures name the file and what to fix', () => {
  it('rejects bad front matter, naming the file and each field', async () => {
    const content = await fixtureVariant({
      'guides/bad-guide.md': guideSource('title: "GPU jobs"\ntags: [GPU, slurm]\nsystems: [LUMI, Lumi]\nupdated: 27/11/2026\nsytems: [LUMI]'),
    });
    const problems = await buildProblems(content);
    const file = path.join(content, 'guides/bad-guide.md');
    const forFile = problems.filter((problem) => problem.includes('bad-guide.md'));
    expect(forFile.length).toBe(problems.length);
    expect(problems.join('\n')).toContain(file.slice(file.indexOf('guides/')));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad-guide\.md: front matter field "summary": is required/),
        expect.stringMatching(/bad-guide\.md: front matter field "tags\[0\]": must be lowercase kebab-case/),
        expect.stringMatching(/bad-guide\.md: front matter field "systems\[1\]"/),
        expect.stringMatching(/bad-guide\.md: front matter field "updated": must be an ISO date/),
        expect.stringMatching(/bad-guide\.md: front matter: unknown field "sytems" \(did you mean "systems"\?\)/),
      ]),
    );
  });

  it('rejects dates that do not exist, instead of crashing after emptying the output folder', async () => {
    // "2027-13-45" has the ISO shape; the review due date (reviewed + 180 days) was a RangeError, thrown after the
    // output folder had been emptied, which left a half-written site and a stack trace instead of the field's name.
    const content = await fixtureVariant({
      'guides/bad-dates.md': guideSource('title: "Dates"\nsummary: "Impossible dates."\ntags: [dates]\ncategory: other\nreviewed: 2027-13-45\nupdated: 2026-02-30'),
    });
    expect(await buildProblems(content)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad-dates\.md: front matter field "reviewed": must be an ISO date/),
        expect.stringMatching(/bad-dates\.md: front matter field "updated": must be an ISO date/),
      ]),
    );
  });

  it('rejects a guide without front matter', async () => {
    const content = await fixtureVariant({ 'guides/no-front-matter.md': '# Just text\n' });
    expect(await buildProblems(content)).toEqual([expect.stringMatching(/no-front-matter\.md: missing front matter/)]);
  });

  it('rejects a link to a missing guide and a link to a missing heading', async () => {
    const content = await fixtureVariant({
      'guides/linking.md': guideSource(
        'title: Linking\nsummary: Links.\ntags: [links]',
        'See [the basics](slurm-basic.md) and [reasons](slurm-basics.md#pending-reason) but [this works](slurm-basics.md#reading-pending-reasons).\n\n' +
          'Also [below](#details) and [here](#nowhere).\n\n## Details\n',
      ),
    });
    const problems = await buildProblems(content);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/linking\.md: broken link "slurm-basic\.md": there is no guide "slurm-basic"/);
    expect(problems[1]).toMatch(/linking\.md: broken link "slurm-basics\.md#pending-reason": guide "slurm-basics" has no heading with anchor "#pending-reason"/);
    expect(problems[2]).toMatch(/linking\.md: broken link "#nowhere": this page has no heading with anchor "#nowhere"/);
  });

  it('rejects two guides with the same slug in different folders', async () => {
    const content = await fixtureVariant({
      'guides/extra/containers.md': guideSource('title: Again\nsummary: Same slug.\ntags: [dup]'),
    });
    const problems = await buildProblems(content);
    expect(problems).toEqual([expect.stringMatching(/guides\/extra\/containers\.md: duplicate slug "containers" \(already used by .*guides\/containers\.md\)/)]);
  });

  it('rejects a content folder that does not exist', async () => {
    const missing = path.join(await tempDir('missing'), 'no-such-folder');
    expect(await buildProblems(missing)).toEqual([`${missing}: content folder not found`]);
  });

  it('builds a site with zero guides (content is written in parallel)', async () => {
    const content = await tempDir('empty');
    await mkdir(path.join(content, 'guides'), { recursive: true });
    await writeFile(path.join(content, 'README.txt'), 'nothing yet');
    const { outDir, report } = await buildInto(content);
    expect(report.guides).toBe(0);
    for (const page of ['index.html', 'guides/index.html', 'search/index.html', '404.html', 'sitemap.xml', 'search/manifest.json']) {
      expect(existsSync(path.join(outDir, page)), page).toBe(true);
    }
  });
});
